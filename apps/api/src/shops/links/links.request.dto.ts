import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsIdentifier, IsNested, IsRegion, IsScopeList } from '../../http/dto-rules';

/** The TikTok account's facts as the caller saw them; recorded in the event for auditors. */
export class AccountProfileRequest {
  @ApiProperty({ description: 'TikTok handle without "@"', example: 'brand' })
  @Matches(/^[A-Za-z0-9._]{1,64}$/, { message: 'handle must be 1-64 letters, digits, "." or "_" (no "@")' })
  handle: string;

  @ApiProperty({ enum: ['business', 'personal'] })
  @IsIn(['business', 'personal'])
  kind: 'business' | 'personal';

  @ApiProperty({ minimum: 0, example: 5000 })
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  followers: number;

  @ApiProperty({ minimum: 0, maximum: 150, example: 30 })
  @IsInt()
  @Min(0)
  @Max(150)
  ownerAge: number;

  @IsRegion()
  region: string;

  @ApiProperty()
  @IsBoolean()
  ecommercePermissionRevoked: boolean;

  @ApiProperty()
  @IsBoolean()
  activeGuidelineRestriction: boolean;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  recentViolations: number;
}

export class RequestLinkRequest {
  @IsIdentifier('The TikTok account to link')
  accountId: string;

  @ApiProperty({ enum: ['official', 'marketing'] })
  @IsIn(['official', 'marketing'])
  role: 'official' | 'marketing';

  @IsNested(AccountProfileRequest)
  profile: AccountProfileRequest;

  @IsScopeList('Scopes the shop asks the account owner to grant')
  requestedScopes: string[];
}

export class LinkAuthorizationRequest {
  @ApiProperty({ enum: ['granted', 'denied'] })
  @IsIn(['granted', 'denied'])
  decision: 'granted' | 'denied';

  @IsScopeList('Scopes the owner granted (empty when denied)')
  grantedScopes: string[];

  @ApiProperty({
    type: AccountProfileRequest,
    required: false,
    description:
      'The account as the relay saw it when the owner answered. A grant is judged again against the link rules (the shop, the ' +
      "account's standing and, when given, this profile); ineligible, the request is closed (LinkAuthorizationDenied, ACCOUNT_INELIGIBLE)",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AccountProfileRequest)
  profile?: AccountProfileRequest;
}
