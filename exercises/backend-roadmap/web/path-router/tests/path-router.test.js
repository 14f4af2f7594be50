import { describe, expect, test } from '@jest/globals';
import { Router } from './router';

const listUsers = () => 'list';
const getUser = () => 'get';
const editPost = () => 'edit';

function makeRouter() {
  return new Router()
    .add('GET', '/users', listUsers)
    .add('GET', '/users/:id', getUser)
    .add('POST', '/users/:id/posts/:postId', editPost);
}

describe('Router', () => {
  test('matches a static route', () => {
    expect(makeRouter().match('GET', '/users')).toEqual({ handler: listUsers, params: {} });
  });

  test('captures a parameter', () => {
    expect(makeRouter().match('GET', '/users/42')).toEqual({ handler: getUser, params: { id: '42' } });
  });

  test('captures several parameters, decodes them and ignores the query string', () => {
    expect(makeRouter().match('POST', '/users/7/posts/hello%20world?draft=1')).toEqual({
      handler: editPost,
      params: { id: '7', postId: 'hello world' },
    });
  });

  test('returns null when nothing matches', () => {
    expect(makeRouter().match('GET', '/nope')).toBeNull();
    expect(makeRouter().match('DELETE', '/users/42')).toBeNull();
  });

  test('a trailing slash does not matter', () => {
    expect(makeRouter().match('GET', '/users/')).toEqual({ handler: listUsers, params: {} });
  });

  test('allowedMethods lists the methods for a path', () => {
    const router = makeRouter().add('DELETE', '/users/:id', () => 'del');
    expect(router.allowedMethods('/users/42')).toEqual(['DELETE', 'GET']);
  });
});
