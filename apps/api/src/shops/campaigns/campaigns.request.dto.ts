import { IsIdentifier } from '../../http/dto-rules';

export class StartCampaignRequest {
  @IsIdentifier('The campaign id')
  campaignId: string;

  @IsIdentifier('The linked account the campaign runs through')
  accountId: string;
}
