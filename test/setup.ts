import { Testing } from 'cdktf';
// Brings the type declarations of cdktf's jest matchers (toHaveResourceWithProperties, …) into every test.
import type {} from 'cdktf/lib/testing/adapters/jest';

Testing.setupJest();
