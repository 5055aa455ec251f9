import { PasswordService } from './password.service';

describe('PasswordService', () => {
  it('verifies an unknown account against a dummy hash of the same cost as real ones', async () => {
    const passwords = new PasswordService();
    await passwords.onModuleInit();
    const real = await passwords.hash('Kyiv-to-Lodz-2024');
    const dummy = await (passwords as unknown as { dummyHash: Promise<string> }).dummyHash;
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(dummy)).toBe(parameters(real));
    expect(parameters(real)).toBe('argon2id$v=19$m=19456,p=1,t=2');
    expect(await passwords.verify(undefined, 'Kyiv-to-Lodz-2024')).toBe(false);
    expect(await passwords.verify(real, 'Kyiv-to-Lodz-2024')).toBe(true);
  });
});
