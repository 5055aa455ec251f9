import { graphql } from './graphql';

/** Identity: sessions and the account. The refresh token never reaches this code (cookie mode). */
export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    accessTokenExpiresIn
    user {
      id
      login
      preferredLanguage
      displayName
      roles
    }
  }
`);

export const SignUp = graphql(
  `
    mutation SignUp($input: SignUpInput!) {
      signUp(input: $input) {
        ...SessionFields
      }
    }
  `,
  [SessionFields],
);
export const SignIn = graphql(
  `
    mutation SignIn($input: SignInInput!) {
      signIn(input: $input) {
        ...SessionFields
      }
    }
  `,
  [SessionFields],
);
export const ChangePassword = graphql(
  `
    mutation ChangePassword($input: ChangePasswordInput!) {
      changePassword(input: $input) {
        ...SessionFields
      }
    }
  `,
  [SessionFields],
);
export const Me = graphql(`
  query Me {
    me {
      id
      login
      loginKind
      preferredLanguage
      displayName
      roles
      createdAt
    }
  }
`);
export const UpdateMyProfile = graphql(`
  mutation UpdateMyProfile($input: UpdateProfileInput!) {
    updateMyProfile(input: $input) {
      id
      preferredLanguage
      displayName
    }
  }
`);
export const SignOutEverywhere = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);
export const DeleteMyAccount = graphql(`
  mutation DeleteMyAccount($input: DeleteAccountInput!) {
    deleteMyAccount(input: $input)
  }
`);

/** A recovery code, or the setup code of an account made at the info point's desk. */
export const ResetPasswordWithCode = graphql(`
  mutation ResetPasswordWithCode($input: ResetPasswordWithRecoveryCodeInput!) {
    resetPasswordWithRecoveryCode(input: $input)
  }
`);
