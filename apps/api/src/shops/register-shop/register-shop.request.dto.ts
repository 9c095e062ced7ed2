import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCurrency, IsIdentifier, IsRegion, IsText } from '../../http/dto-rules';

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
}
