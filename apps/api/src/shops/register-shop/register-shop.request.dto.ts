import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { CURRENCY_PATTERN, IsIdentifier, REGION_PATTERN } from '../../http/dto-rules';

export class RegisterShopRequest {
  @IsIdentifier('The new shop id')
  shopId: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Brand Store' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'GB' })
  @IsString()
  @Matches(REGION_PATTERN, { message: 'region must be an ISO 3166-1 alpha-2 code such as GB' })
  region: string;

  @ApiProperty({ description: 'ISO 4217', example: 'GBP' })
  @IsString()
  @Matches(CURRENCY_PATTERN, { message: 'currency must be an ISO 4217 code such as GBP' })
  currency: string;

  @ApiProperty({ enum: ['individual', 'business'] })
  @IsIn(['individual', 'business'])
  kind: 'individual' | 'business';

  @IsIdentifier('The member who owns the shop; admin from registration')
  ownerMemberId: string;
}
