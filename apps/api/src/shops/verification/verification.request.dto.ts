import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { HasNoHiddenCharacters, IsWellFormedText, REASON_CODE_PATTERN } from '../../http/dto-rules';

export class SubmitVerificationRequest {
  @ApiProperty({
    description: 'References to the legal documents, key-personnel identity and bank-account proof',
    type: [String],
    example: ['doc:incorporation-123'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 256, { each: true })
  @IsWellFormedText({ each: true })
  @HasNoHiddenCharacters({ each: true })
  documents: string[];
}

export class VerificationDecisionRequest {
  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'])
  outcome: 'verified' | 'rejected';

  @ApiProperty({ description: 'Required when rejected: reason codes such as BANK_ACCOUNT_UNVERIFIED', type: [String], required: false })
  @ValidateIf((o: VerificationDecisionRequest) => o.outcome === 'rejected' || o.reasons !== undefined)
  @IsArray()
  @ArrayMinSize(1, { message: 'reasons must name at least one reason when the outcome is rejected' })
  @ArrayMaxSize(20)
  @Matches(REASON_CODE_PATTERN, { each: true, message: 'each reason must be an UPPER_SNAKE_CASE code' })
  reasons?: string[];
}
