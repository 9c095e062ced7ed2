import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FEED_EVENT_TYPES } from '@shoplink/feed';
import { IsText } from '../http/dto-rules';
import { POSITION_PATTERN } from '../http/api-query.decorators';

export class CreateSubscriptionRequest {
  @ApiProperty({
    description:
      'Where deliveries are POSTed: an absolute http(s) URL without credentials, allowed by SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS',
    example: 'https://hooks.storefront.example.com/shoplink',
    maxLength: 2048,
  })
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiProperty({
    description: 'Event types to deliver; empty: every type',
    type: [String],
    enum: FEED_EVENT_TYPES,
    example: ['AccountLinked', 'AccountUnlinked'],
  })
  @IsArray()
  @ArrayMaxSize(FEED_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(FEED_EVENT_TYPES, { each: true, message: 'each event type must be one the feed knows' })
  eventTypes: string[];

  @IsText('What the subscription is for', 500, 'storefront showcase: hide unlinked shops')
  description: string;
}

export class ReplayRequest {
  @ApiProperty({
    description: 'Deliver again every matching event from this log position on (inclusive); "0": from the start',
    example: '0',
    pattern: POSITION_PATTERN,
  })
  @IsString()
  @Matches(new RegExp(POSITION_PATTERN), { message: 'fromPosition must be a log position such as "42"' })
  fromPosition: string;
}

export class SecretRotationRequest {
  @ApiPropertyOptional({
    description: 'Seconds the old secret still signs deliveries; default SHOPLINK_WEBHOOK_SECRET_GRACE_SECONDS',
    minimum: 0,
    maximum: 2_592_000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_592_000)
  graceSeconds?: number;
}
