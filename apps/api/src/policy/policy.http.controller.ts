import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GetPolicyInForce, GetPolicyVersion } from '@shoplink/shops';
import { RequiresScope } from '../auth/route-access.decorator';
import { ApiReadAnswer, ApiReadRefusals } from '../http/api-query.decorators';
import { ID_FORMAT, ID_PATTERN } from '../http/identifiers';
import { QueryInput, ValidQuery } from '../http/query-input';
import { QueryGateway } from '../messaging/query-gateway';

const POLICY_ANSWER =
  'version, contentHash (SHA-256 of the canonical JSON of policy), inForce, activatedAt [each time it came into force], policy { version, defaults { every number }, markets { REGION: { currency, overrides } } }';

/** TikTok Shop's rules as the service applies them: the version in force, and every version ever recorded. */
@ApiTags('policy')
@RequiresScope('shops:read')
@Controller('v1/policy')
export class PolicyController {
  constructor(private readonly queries: QueryGateway) {}

  @Get()
  @ApiOperation({
    summary:
      'The policy in force: its version (named in every decision event’s metadata.policyVersion), the global numbers, and the supported markets with their currencies and overrides',
  })
  @ApiReadRefusals({ readModel: false })
  @ApiReadAnswer(POLICY_ANSWER)
  inForce() {
    return this.queries.ask(new GetPolicyInForce());
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'A policy version ever in force, with the content it was recorded with (PolicyVersionActivated)' })
  @ApiParam({
    name: 'version',
    description: `A policy version (${ID_FORMAT})`,
    example: '1',
    schema: { type: 'string', pattern: ID_PATTERN.source },
  })
  @ApiReadRefusals({ notFound: 'POLICY_VERSION_NOT_FOUND: no such version was ever in force', readModel: false })
  @ApiReadAnswer(POLICY_ANSWER)
  version(@ValidQuery() query: QueryInput) {
    return this.queries.ask(new GetPolicyVersion(query.params.version));
  }
}
