// Compiles Styles/app.scss against GOV.UK Frontend and copies the script and the images we use into
// wwwroot/govuk. Run by the web project's build (see LspCapacity.Web.csproj) or by `npm run build`.
import * as sass from "sass";
import { mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";

const govuk = "node_modules/govuk-frontend/dist";
const out = "wwwroot/govuk";
mkdirSync(join(out, "assets", "images"), { recursive: true });

const result = sass.compile("Styles/app.scss", {
  loadPaths: [govuk],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
if (result.css.includes("GDS Transport")) {
  throw new Error("compiled CSS still references the GDS Transport font");
}
writeFileSync(join(out, "app.css"), result.css);
copyFileSync(join(govuk, "govuk", "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
for (const image of ["favicon.ico", "favicon.svg"]) {
  copyFileSync(join(govuk, "govuk", "assets", "images", image), join(out, "assets", "images", image));
}
console.log(`GOV.UK Frontend compiled to ${out}/app.css (${result.css.length} bytes)`);
