import { RecordedEvent } from '@shoplink/event-store';
import { Projection } from '@shoplink/read-models';
import { shopEventCodec } from '../codec/shop-event-codec';

/** One document per withdrawal: what GET /v1/shops/:shopId/withdrawals lists. */
export interface WithdrawalDocument {
  readonly [key: string]: unknown;
  readonly shopId: string;
  readonly withdrawalId: string;
  readonly amount: number;
  readonly currency: string;
  readonly state: 'requested' | 'withdrawn' | 'failed';
  readonly requestedAt: string;
  readonly withdrawnAt: string | null;
  readonly failedAt: string | null;
  readonly failureReason: string | null;
  /** Where the money went back to when the payout failed. */
  readonly returnedTo: 'available' | 'frozen' | null;
}

export const WITHDRAWALS_COLLECTION = 'withdrawals';

export const withdrawalDocumentId = (shopId: string, withdrawalId: string): string => `${shopId}/${withdrawalId}`;

export const WithdrawalsProjection: Projection<WithdrawalDocument> = {
  collection: WITHDRAWALS_COLLECTION,
  handles: ['FundsWithdrawalRequested', 'FundsWithdrawn', 'FundsWithdrawalFailed'],
  documentIds: (event) => [withdrawalDocumentId(String(event.data.shopId), String(event.data.withdrawalId))],
  evolve(doc, recorded: RecordedEvent) {
    const event = shopEventCodec.decode(recorded);
    switch (event.type) {
      case 'FundsWithdrawalRequested': {
        const d = event.data;
        return {
          shopId: d.shopId,
          withdrawalId: d.withdrawalId,
          amount: d.amount,
          currency: d.currency,
          state: 'requested',
          requestedAt: d.requestedAt,
          withdrawnAt: null,
          failedAt: null,
          failureReason: null,
          returnedTo: null,
        };
      }
      case 'FundsWithdrawn':
        return doc && { ...doc, state: 'withdrawn', withdrawnAt: event.data.withdrawnAt };
      case 'FundsWithdrawalFailed':
        return (
          doc && {
            ...doc,
            state: 'failed',
            failedAt: event.data.failedAt,
            failureReason: event.data.reason,
            returnedTo: event.data.returnedTo,
          }
        );
      default:
        return doc;
    }
  },
};
