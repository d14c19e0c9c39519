import { describe, expect, it } from 'vitest';
import {
  createNameScope,
  deriveOperationId,
  propertyKey,
  toCamelCase,
  toConstantCase,
  toPascalCase,
  toSafeIdentifier,
} from '../src/model/naming.js';

describe('naming', () => {
  it('turns dotted and dashed names into PascalCase type names', () => {
    expect(['web.Response', 'io.k8s.api.core.v1.Pod', 'pet-store item', 'snake_case_name'].map(toPascalCase)).toStrictEqual([
      'WebResponse',
      'IoK8sApiCoreV1Pod',
      'PetStoreItem',
      'SnakeCaseName',
    ]);
  });

  it('prefixes names that would start with a digit', () => {
    expect(toPascalCase('200-response')).toBe('_200Response');
    expect(toConstantCase('3d-model')).toBe('_3D_MODEL');
  });

  it('strips accents and keeps other letters', () => {
    expect(toPascalCase('Straße.größe')).toBe('StraßeGroße');
    expect(toPascalCase('café')).toBe('Cafe');
  });

  it('gives reserved words a trailing underscore where they would be variables', () => {
    expect(['delete', 'default', 'class', 'contacts'].map(toSafeIdentifier)).toStrictEqual(['delete_', 'default_', 'class_', 'contacts']);
  });

  it('camelCases operation ids', () => {
    expect(['GetEvents', 'BulkUploadContacts', 'HTTPStatus', 'list-all pets'].map(toCamelCase)).toStrictEqual([
      'getEvents',
      'bulkUploadContacts',
      'httpStatus',
      'listAllPets',
    ]);
  });

  it('resolves collisions deterministically: first come keeps the name', () => {
    const scope = createNameScope();
    expect(['Pet', 'pet', 'Pet', 'Pet2'].map(scope)).toStrictEqual(['Pet', 'pet2', 'Pet3', 'Pet22']);
  });

  it('derives stable operation names from method and path', () => {
    expect(deriveOperationId({ method: 'get', path: '/pets/{petId}/toys' })).toBe('getPetsByPetIdToys');
    expect(deriveOperationId({ method: 'delete', path: '/' })).toBe('delete');
  });

  it('quotes property keys only when they are not identifiers', () => {
    expect(['Request-Id', 'name', "it's"].map(propertyKey)).toStrictEqual(["'Request-Id'", 'name', "'it\\'s'"]);
  });
});
