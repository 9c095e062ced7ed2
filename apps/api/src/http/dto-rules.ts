import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
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

/** Money: integer minor units, positive, below a bound that keeps sums exact in JavaScript numbers. */
export const MAX_AMOUNT = 1_000_000_000_000;

export const IsAmount = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      description: `${description}, in minor units of the shop's currency (e.g. pence)`,
      minimum: 1,
      maximum: MAX_AMOUNT,
      example: 2599,
    }),
    IsInt({ message: ({ property }) => `${property} must be a whole number of minor units` }),
    Min(1),
    Max(MAX_AMOUNT),
  );

/** Free text a person wrote (descriptions, resolutions): bounded, never empty. */
export const IsText = (description: string, max = 1000): PropertyDecorator =>
  applyDecorators(ApiProperty({ description, minLength: 1, maxLength: max }), IsString(), Length(1, max));

/** A list of OAuth scope names (requested or granted): at most 50, no repeats. */
export const IsScopeList = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description, type: [String], example: ['user.info.basic', 'ads.manage'] }),
    IsArray(),
    ArrayMaxSize(50),
    ArrayUnique(),
    Matches(SCOPE_PATTERN, { each: true, message: 'each scope must be lower-case letters, digits, "." or "_"' }),
  );

/** A required nested object, validated field by field with its own DTO. */
export const IsNested = (type: new () => object): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type }),
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
