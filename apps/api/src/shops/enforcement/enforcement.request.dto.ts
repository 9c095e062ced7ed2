import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { RESTRICTION_SCOPES, RestrictionScope } from '@shoplink/shops';
import { IsIdentifier, IsText } from '../../http/dto-rules';

export class EnforcedUnlinkRequest {
  @IsText('The policy violation, as trust and safety records it', 1000, 'Counterfeit goods promoted in live streams')
  violation: string;
}

export class RestrictShopRequest {
  @IsIdentifier('The restriction, chosen by trust and safety; used once')
  restrictionId: string;

  @IsText('Why the shop is restricted', 1000, 'Repeated counterfeit listings')
  reason: string;

  @ApiProperty({
    enum: RESTRICTION_SCOPES,
    isArray: true,
    minItems: 1,
    description: 'What the restriction stops: link_requests (new link requests and switches of the official account), campaigns',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RESTRICTION_SCOPES.length)
  @ArrayUnique()
  @IsIn(RESTRICTION_SCOPES as RestrictionScope[], { each: true })
  scope: RestrictionScope[];
}

export class LiftRestrictionRequest {
  @IsText('Why the restriction is lifted', 1000, 'Appeal upheld')
  reason: string;
}
