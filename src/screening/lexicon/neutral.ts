import type { Lexicon } from './types.ts';

/** Language-neutral cues: emoji tokens (see EMOJI_TOKENS in normalise.ts) and messenger links. */
export const neutral: Lexicon = {
  deceptive_offer: ['emjmoney emjmoney'],
  sexualised_role: ['emjdancer', 'emjadult', 'emjkiss'],
  marriage_offer: ['emjring'],
  targets_young_women: ['emjgirl'],
  contact_only_messenger: ['wa.me', 't.me/'],
  abroad: ['emjabroad', 'emjflight', 'dubai', 'dubay', 'qatar', 'doha', 'antalya'],
};
