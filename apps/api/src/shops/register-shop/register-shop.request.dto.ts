import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsCurrency, IsIdentifier, IsRegion, IsText } from '../../http/dto-rules';

const REGISTRATION_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ./-]{1,39}$/;

export class RegisterShopRequest {
  @IsIdentifier('The new shop id')
  shopId: string;

  @IsText('The shop name', 200, 'Brand Store')
  name: string;

  @IsRegion()
  region: string;

  @IsCurrency()
  currency: string;

  @ApiProperty({ enum: ['individual', 'business'] })
  @IsIn(['individual', 'business'])
  kind: 'individual' | 'business';

  @IsIdentifier('The member who owns the shop; admin from registration')
  ownerMemberId: string;

  @ApiProperty({
    required: false,
    description:
      'The business registration number (company number): one registration in a market, ever (BUSINESS_ALREADY_REGISTERED). Letters, digits, spaces, ".", "/", "-"; compared without spaces and punctuation, case-insensitively. Optional: shops registered before it was asked have none',
    example: 'SC123456',
    pattern: REGISTRATION_NUMBER_PATTERN.source,
  })
  @IsOptional()
  @Matches(REGISTRATION_NUMBER_PATTERN, { message: 'registrationNumber must be 2-40 letters, digits, spaces, ".", "/" or "-"' })
  registrationNumber?: string;
}
