import { EventCodec } from '@shoplink/event-store';
import { BUSINESS_REGISTRATION_EVENT_TYPES, BusinessRegistrationEvent } from './business-registration.events';

/** Where a recorded business registration event becomes a BusinessRegistrationEvent. Every type is at version 1. */
export const businessRegistrationEventCodec = new EventCodec<BusinessRegistrationEvent>(BUSINESS_REGISTRATION_EVENT_TYPES, []);
