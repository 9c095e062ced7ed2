import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { SubmitVerificationRequest, VerificationDecisionRequest } from './verification.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('verification')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/verification')
export class VerificationController {
  constructor(private readonly shops: ShopCommands) {}

  @Post()
  @ApiOperation({ summary: 'Submit business verification documents (BusinessVerificationSubmitted)' })
  @ApiCommand('SubmitBusinessVerification', SubmitVerificationRequest)
  async submit(
    @ValidCommand(SubmitVerificationRequest) input: CommandInput<SubmitVerificationRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.shops.answer(reply, input, {
      type: 'SubmitBusinessVerification',
      data: { documents: input.body.documents },
    });
  }

  @Post('decision')
  @ApiOperation({ summary: 'Record the KYB outcome (BusinessVerified or BusinessVerificationRejected); system actors only' })
  @ApiCommand('RecordVerificationDecision', VerificationDecisionRequest)
  async decide(
    @ValidCommand(VerificationDecisionRequest) input: CommandInput<VerificationDecisionRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { outcome, reasons } = input.body;
    return this.shops.answer(reply, input, {
      type: 'RecordVerificationDecision',
      data: { outcome, reasons: reasons ?? [] },
    });
  }
}
