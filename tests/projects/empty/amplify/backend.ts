import { defineBackend } from '@aws-amplify/backend';

// A freshly initialised backend with nothing in it yet.
defineBackend({});
