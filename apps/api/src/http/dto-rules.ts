import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ID_FORMAT, ID_PATTERN } from './identifiers';

/** An identifier field (shopId, memberId, accountId) in the documented format. */
export const IsIdentifier = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description: `${description} (${ID_FORMAT})`, pattern: ID_PATTERN.source, example: 'shop-1' }),
    IsString(),
    Matches(ID_PATTERN, { message: ({ property }) => `${property} must be ${ID_FORMAT}` }),
  );

export const REGION_PATTERN = /^[A-Z]{2}$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const SCOPE_PATTERN = /^[a-z][a-z0-9._]{0,63}$/;
export const REASON_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
