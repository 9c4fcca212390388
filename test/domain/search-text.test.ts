import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callbackSearchText, searchFold } from '../../domain/search-text.ts';

test('searchFold: lower case without diacritics, letters that do not decompose mapped too', () => {
  assert.equal(searchFold('Źródło Łukasz ŻÓŁW'), 'zrodlo lukasz zolw');
  assert.equal(searchFold('Søren Straße Æsir'), 'soren strasse aesir');
  assert.equal(callbackSearchText({ firstName: 'Zofia', lastName: 'Żak', accountNumber: 'CB12AB' }), 'zofia zak cb12ab');
});
