import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, Matches } from 'class-validator';
import { ID_FORMAT, ID_PATTERN } from '../../http/identifiers';
import { IsIdentifier, IsText } from '../../http/dto-rules';

export class ReportSecurityIncidentRequest {
  @IsIdentifier('The incident id')
  incidentId: string;

  @IsText('What happened')
  description: string;

  @ApiProperty({ description: 'Linked accounts to unlink at once (emergency unlink)', type: [String], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(ID_PATTERN, { each: true, message: `each account id must be ${ID_FORMAT}` })
  unlinkAccountIds?: string[];
}

export class ResolveSecurityIncidentRequest {
  @IsText('How it was resolved')
  resolution: string;
}
