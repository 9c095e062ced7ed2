import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { UNLINK_REASONS, UnlinkReason } from '@shoplink/shops';
import { IsIdentifier, IsNested, IsScopeList, IsText } from '../../http/dto-rules';
import { AccountProfileRequest } from '../links/links.request.dto';

const IsUnlinkReason = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ enum: UNLINK_REASONS, description: 'Why the account is unlinked' }),
    IsIn(UNLINK_REASONS as UnlinkReason[]),
  );

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

  @IsNested(AccountProfileRequest)
  profile: AccountProfileRequest;

  @IsScopeList('Scopes the shop asks the new account owner to grant')
  requestedScopes: string[];
}
