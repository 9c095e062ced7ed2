import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { ReportSecurityIncidentRequest, ResolveSecurityIncidentRequest } from './security-incidents.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('security incidents')
@RequiresScope('security:write')
@Controller('v1/shops/:shopId/security-incidents')
export class SecurityIncidentsController {
  constructor(private readonly shops: ShopCommands) {}

  @Post()
  @ApiOperation({ summary: 'Report an incident (SecurityIncidentReported): money is frozen; named accounts are unlinked at once' })
  @ApiCommand('ReportSecurityIncident', ReportSecurityIncidentRequest)
  async report(
    @ValidCommand(ReportSecurityIncidentRequest) input: CommandInput<ReportSecurityIncidentRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { incidentId, description, unlinkAccountIds } = input.body;
    const data = { incidentId, description, unlinkAccountIds: unlinkAccountIds ?? [] };
    return this.shops.answer(reply, input, { type: 'ReportSecurityIncident', data });
  }

  @Post(':incidentId/resolution')
  @ApiOperation({ summary: 'Resolve an incident (SecurityIncidentResolved); money unfreezes when no incident remains open' })
  @ApiCommand('ResolveSecurityIncident', ResolveSecurityIncidentRequest)
  async resolve(
    @ValidCommand(ResolveSecurityIncidentRequest) input: CommandInput<ResolveSecurityIncidentRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = { incidentId: input.params.incidentId, resolution: input.body.resolution };
    return this.shops.answer(reply, input, { type: 'ResolveSecurityIncident', data });
  }
}
