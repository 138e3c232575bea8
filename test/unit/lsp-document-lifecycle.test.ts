// Which language a document belongs to once its editor is closed: a document that is not a file
// (untitled:) has no extension to go by, and the lookup used to throw in the middle of a build.
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createPlanServices } from '../../language-server/src/plan-module.js';

describe('the service registry', () => {
    const { shared, Plan } = createPlanServices(EmptyFileSystem);

    test('a document that is not a file is a plan, with or without an editor', () => {
        expect(shared.ServiceRegistry.getServices(URI.parse('untitled:Untitled-1'))).toBe(Plan);
        expect(shared.ServiceRegistry.hasServices(URI.parse('untitled:/home/u/ke-hoach.plan'))).toBe(true);
    });

    test('files still go by their extension (the workspace loads only .plan files)', () => {
        expect(shared.ServiceRegistry.getServices(URI.file('/ws/a.plan'))).toBe(Plan);
        expect(shared.ServiceRegistry.hasServices(URI.file('/ws/notes.txt'))).toBe(false);
        expect(shared.ServiceRegistry.hasServices(URI.file('/ws/README'))).toBe(false);
    });
});
