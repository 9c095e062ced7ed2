import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import { UNLINK_REASONS, UnlinkReason } from '@shoplink/shops';
import { IsIdentifier, IsText, SCOPE_PATTERN } from '../../http/dto-rules';
import { AccountProfileRequest } from '../links/links.request.dto';

const IsUnlinkReason = (): PropertyDecorator =>
  applyDecorators(ApiProperty({ enum: UNLINK_REASONS, description: 'Why the account is unlinked' }), IsIn(UNLINK_REASONS as UnlinkReason[]));

export class RequestUnlinkRequest {
  @IsUnlinkReason()
  reason: UnlinkReason;
}

export class ConfirmUnlinkRequest {
  @ApiProperty({ description: 'The 8-digit one-time code answered when the unlink was requested', example: '04718265' })
  @Matches(/^[0-9]{8}$/, { message: 'code must be the 8-digit confirmation code' })
  code: string;
}

export class EmergencyUnlinkRequest {
  @IsIdentifier('The security incident this unlink answers; reported (and money frozen) if new')
  incidentId: string;

  @IsText('What happened')
  description: string;
}

export class AssistedUnlinkRequest {
  @IsUnlinkReason()
  reason: UnlinkReason;

  @IsIdentifier('The support ticket')
  ticketId: string;
}

export class SwitchOfficialAccountRequest {
  @IsIdentifier('The TikTok account to become the official account')
  accountId: string;

  @ApiProperty({ type: AccountProfileRequest })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AccountProfileRequest)
  profile: AccountProfileRequest;

  @ApiProperty({ type: [String], example: ['user.info.basic', 'video.list', 'live.room.manage', 'shop.showcase.manage'] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(SCOPE_PATTERN, { each: true, message: 'each scope must be lower-case letters, digits, "." or "_"' })
  requestedScopes: string[];
}
