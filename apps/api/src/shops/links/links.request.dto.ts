import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIdentifier, REGION_PATTERN, SCOPE_PATTERN } from '../../http/dto-rules';

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

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'GB' })
  @Matches(REGION_PATTERN, { message: 'region must be an ISO 3166-1 alpha-2 code such as GB' })
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

const scopeList = (description: string) =>
  ApiProperty({ description, type: [String], example: ['user.info.basic', 'ads.manage'] });

export class RequestLinkRequest {
  @IsIdentifier('The TikTok account to link')
  accountId: string;

  @ApiProperty({ enum: ['official', 'marketing'] })
  @IsIn(['official', 'marketing'])
  role: 'official' | 'marketing';

  @ApiProperty({ type: AccountProfileRequest })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AccountProfileRequest)
  profile: AccountProfileRequest;

  @scopeList('Scopes the shop asks the account owner to grant')
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(SCOPE_PATTERN, { each: true, message: 'each scope must be lower-case letters, digits, "." or "_"' })
  requestedScopes: string[];
}

export class LinkAuthorizationRequest {
  @ApiProperty({ enum: ['granted', 'denied'] })
  @IsIn(['granted', 'denied'])
  decision: 'granted' | 'denied';

  @scopeList('Scopes the owner granted (empty when denied)')
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(SCOPE_PATTERN, { each: true, message: 'each scope must be lower-case letters, digits, "." or "_"' })
  grantedScopes: string[];
}
