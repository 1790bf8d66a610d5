import type { Lexicon } from './types.ts';

/** Language-neutral cues: emoji tokens (see EMOJI_TOKENS in normalise.ts) and messenger links. */
export const neutral: Lexicon = {
  deceptive_offer: ['emofunds emofunds'],
  sexualised_role: ['emodancer', 'emoadult', 'emolips'],
  marriage_offer: ['emoring'],
  targets_young_women: ['emogirl'],
  contact_only_messenger: ['wa.me', 't.me/'],
  abroad: ['emoabroad', 'emoplane', 'dubai', 'dubay', 'qatar', 'doha', 'antalya'],
};
