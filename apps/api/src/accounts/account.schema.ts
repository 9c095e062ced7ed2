import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { AccountAnswer, LinkRole, UnlinkMode, UnlinkReason } from '@shoplink/shops';
import { UNLINK_REASONS } from '@shoplink/shops';

/*
 * The OpenAPI shape of GET /v1/accounts/{accountId}. Each class `implements` the read model's own
 * type, so the compiler refuses a field missing here or typed otherwise.
 */

const LINK_ROLES: readonly LinkRole[] = ['official', 'marketing'];
const UNLINK_MODES: readonly UnlinkMode[] = ['confirmed', 'emergency', 'assisted', 'switch'];
const INSTANT = { type: 'string', format: 'date-time' } as const;

class AccountLinkSchema implements NonNullable<AccountAnswer['linkedTo']> {
  @ApiProperty({ example: 'brand' }) shopId: string;
  @ApiProperty({ enum: LINK_ROLES }) role: LinkRole;
  @ApiProperty(INSTANT) linkedAt: string;
}

class AccountOpenRequestSchema implements Readonly<AccountAnswer['openRequests'][number]> {
  @ApiProperty() shopId: string;
  @ApiProperty({ enum: LINK_ROLES }) role: LinkRole;
  @ApiProperty(INSTANT) requestedAt: string;
  @ApiProperty(INSTANT) authorizationExpiresAt: string;
}

class AccountLastUnlinkedSchema implements NonNullable<AccountAnswer['lastUnlinked']> {
  @ApiProperty() shopId: string;
  @ApiProperty({ enum: LINK_ROLES }) role: LinkRole;
  @ApiProperty({ enum: UNLINK_MODES }) mode: UnlinkMode;
  @ApiProperty({ enum: UNLINK_REASONS }) reason: UnlinkReason;
  @ApiProperty(INSTANT) unlinkedAt: string;
}

class MarketingLinkAllowanceSchema implements Readonly<AccountAnswer['marketingLinkAllowance']> {
  @ApiProperty({ type: 'integer', example: 180 }) windowDays: number;
  @ApiProperty({ type: 'integer', example: 10 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Marketing links inside the window' }) used: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Links left before the limit' }) remaining: number;
}

@ApiSchema({
  name: 'Account',
  description: 'Where a TikTok account is linked and how, its open link requests, its history and its marketing relink allowance',
})
export class AccountSchema implements AccountAnswer {
  [key: string]: unknown;
  @ApiProperty({ example: 'tt-official' }) accountId: string;
  @ApiProperty({ description: 'TikTok handle; "[erased]" once the personal data is forgotten' }) handle: string;
  @ApiProperty({ type: AccountLinkSchema, nullable: true }) linkedTo: AccountLinkSchema | null;
  @ApiProperty({ type: [AccountOpenRequestSchema] }) openRequests: AccountOpenRequestSchema[];
  @ApiProperty({ type: [AccountLinkSchema] }) linkHistory: AccountLinkSchema[];
  @ApiPropertyOptional({ type: AccountLastUnlinkedSchema, description: 'Absent until the account is first unlinked' })
  lastUnlinked?: AccountLastUnlinkedSchema;
  @ApiProperty(INSTANT) updatedAt: string;
  @ApiProperty({ type: MarketingLinkAllowanceSchema }) marketingLinkAllowance: MarketingLinkAllowanceSchema;
}
