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
  ValidateBy,
  ValidateNested,
  ValidationOptions,
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

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes (a list kept here rather than Intl's, which
 * also names reserved and withdrawn codes: EU, UN, UK, XK, ZZ…, and changes with the ICU version).
 */
export const ISO_REGIONS: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT ' +
    'BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ' +
    'ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT ' +
    'HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS ' +
    'LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI ' +
    'NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG ' +
    'SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW '
  )
    .trim()
    .split(' '),
);

/** ISO 4217 currency codes, as Intl knows them. */
export const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 3166-1 alpha-2 region code (GB, US, DE…); ZZ, XX, AA are refused. */
export const IsRegion = (options: { example?: string } = {}): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description: 'ISO 3166-1 alpha-2 region code', example: options.example ?? 'GB', pattern: REGION_PATTERN.source }),
    ValidateBy({
      name: 'isRegion',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && ISO_REGIONS.has(value),
        defaultMessage: (args) => `${args?.property} must be an ISO 3166-1 alpha-2 code such as GB`,
      },
    }),
  );

/** An ISO 4217 currency code (GBP, USD, EUR…); QQQ is refused. */
export const IsCurrency = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description: 'ISO 4217 currency code', example: 'GBP', pattern: CURRENCY_PATTERN.source }),
    ValidateBy({
      name: 'isCurrency',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && CURRENCY_PATTERN.test(value) && ISO_CURRENCIES.has(value),
        defaultMessage: (args) => `${args?.property} must be an ISO 4217 currency code such as GBP`,
      },
    }),
  );

/**
 * Characters refused in names and descriptions: C0 and C1 controls (NUL, newline and tab included),
 * DEL, bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), and zero-width
 * characters (U+200B–U+200D, U+2060, U+FEFF). They let a text read differently from what it holds.
 */
// eslint-disable-next-line no-control-regex
export const HIDDEN_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u200B-\u200D\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

/** String.prototype.isWellFormed (Node 20), which the TypeScript lib in use does not declare yet. */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * The one place a zero-width joiner is what it looks like: between two emoji, in a sequence that
 * renders as one (👩🏽‍💻, 🏳️‍🌈). Only there is it let through.
 */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\p{Emoji_Modifier}?\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;

/** Well-formed Unicode: no lone surrogate (JSON's "\ud800" escape parses into one). Every text field. */
export const IsWellFormedText = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isWellFormedText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isWellFormed(value),
        defaultMessage: (args) => `${args?.property} must be well-formed Unicode (it holds a lone surrogate)`,
      },
    },
    options,
  );

/** No control, bidi or zero-width character (HIDDEN_CHARACTERS): names and descriptions. */
export const HasNoHiddenCharacters = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'hasNoHiddenCharacters',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !HIDDEN_CHARACTERS.test(value.replace(EMOJI_JOINER, '')),
        defaultMessage: (args) => `${args?.property} must not contain control, bidi-override or zero-width characters`,
      },
    },
    options,
  );
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

/**
 * Free text a person wrote (names, descriptions, resolutions): bounded, never empty, well-formed
 * Unicode, and without control, bidi or zero-width characters.
 */
export const IsText = (description: string, max = 1000, example?: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description: `${description} (no control, bidi or zero-width characters)`, minLength: 1, maxLength: max, example }),
    IsString(),
    Length(1, max),
    IsWellFormedText(),
    HasNoHiddenCharacters(),
  );

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
