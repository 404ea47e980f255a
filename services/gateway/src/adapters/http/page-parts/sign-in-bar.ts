import { StaffPageWords } from "@crisis/platform/contracts";
import { html } from "./html";

/**
 * Who is signed in, shared by the console and the staff page: a link to sign in (and back to this
 * page), or the person's name and サインアウト. The session is an HttpOnly cookie; the page never holds a token.
 * Sign-out posts no fields, as text/plain: the one form body type the gateway reads besides JSON.
 */
export const signInBar = (w: StaffPageWords["page"], here: string) =>
  html`<div id="sign-in" class="panel">
    <p id="signed-out" hidden>${w.signInHelp} <a id="sign-in-link" href="/login?returnTo=${encodeURIComponent(here)}">${w.signIn}</a></p>
    <form id="signed-in" method="post" action="/logout" enctype="text/plain" hidden>
      <p>${w.signedInAs}: <span id="who" role="status"></span> <button type="submit">${w.signOut}</button></p>
    </form>
  </div>`;
