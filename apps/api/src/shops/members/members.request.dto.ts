import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsIdentifier } from '../../http/dto-rules';

export class GrantAccessRequest {
  @IsIdentifier('The member to grant a role to')
  memberId: string;

  @ApiProperty({ enum: ['admin', 'finance', 'operator', 'viewer'] })
  @IsIn(['admin', 'finance', 'operator', 'viewer'])
  role: 'admin' | 'finance' | 'operator' | 'viewer';
}
