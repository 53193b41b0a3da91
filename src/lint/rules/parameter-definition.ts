import type { Param } from '../../core/model.js';
import type { ApiSite, Rule } from '../types.js';
import { paramPointer } from '../sites.js';
import { paramBounds, paramType } from '../../core/defaults.js';

/** A field of the parameter (its pointer is worked out only for a finding). */
const at = (site: ApiSite, p: Param, field: string): string => `${paramPointer(site, p)}/${field}`;

export default {
  meta: {
    id: 'parameter-definition',
    category: 'parameters',
    description:
      'Parameters: PATH, QUERY or HEADER (not cookie); type string or number; a default of the right type and ' +
      'within bounds; min ≤ max; enum values of the right type.',
    source:
      'User Guide §5.2.1 "Creating an API", table 5-6 (locations, ' +
      'String/Number, default only when not required); User Guide (online), ' +
      '"Restrictions and Compatibility" of importing APIs (type mapping)',
    rationale:
      'APIG maps integer/long/float/double to Number and string to String; ' +
      'other types have no equivalent. A default outside the bounds or the enum would be rejected by the ' +
      "gateway's own validation (a required parameter's default, never used, is the `ignored-default` warning). " +
      'A cookie parameter ' +
      '(OpenAPI 3.0) has no location in the gateway. Body and formData parameters are the `body-parameter` ' +
      'warning: the import leaves them out.',
  },
  create(ctx) {
    return {
      Param(p, site) {
        // Body and formData parameters are left out by the import: the `body-parameter` warning.
        if (p.location === 'BODY' || p.location === 'FORMDATA') return;
        if (p.location === 'COOKIE') {
          ctx.report(
            { group: site.group, path: at(site, p, 'in') },
            `parameter "${p.name}" is in ${p.location.toLowerCase()}: ` +
              `APIG supports only path, query and header parameters`,
          );
          return;
        }
        const type = paramType(p);
        // The bounds the gateway applies: the console writes 0 for "no bound" (core/defaults.ts).
        const { minLength, maxLength, minimum, maximum } = paramBounds(p);
        if (type === undefined) {
          ctx.report(
            { group: site.group, path: at(site, p, 'type') },
            `parameter "${p.name}" has type ${p.swaggerType ?? '(none)'}: ` +
              `APIG knows string and number (integer, long, float, double)`,
          );
          return;
        }
        // A required parameter's default is the ignored-default warning.
        if (p.default !== undefined) {
          if (type === 'NUMBER' && !Number.isFinite(Number(p.default)))
            ctx.report(
              { group: site.group, path: at(site, p, 'default') },
              `default ${JSON.stringify(p.default)} of number parameter "${p.name}" is not a number`,
            );
          if (p.enum && !p.enum.map(String).includes(String(p.default)))
            ctx.report(
              { group: site.group, path: at(site, p, 'default') },
              `default ${JSON.stringify(p.default)} is not one of the enum values of "${p.name}"`,
            );
          const len = String(p.default).length;
          if ((minLength !== undefined && len < minLength) || (maxLength !== undefined && len > maxLength))
            ctx.report(
              { group: site.group, path: at(site, p, 'default') },
              `default ${JSON.stringify(p.default)} of "${p.name}" is outside its length bounds`,
            );
          const n = Number(p.default);
          if (type === 'NUMBER' && ((minimum !== undefined && n < minimum) || (maximum !== undefined && n > maximum)))
            ctx.report(
              { group: site.group, path: at(site, p, 'default') },
              `default ${JSON.stringify(p.default)} of "${p.name}" is outside its minimum/maximum`,
            );
        }
        if (minLength !== undefined && maxLength !== undefined && minLength > maxLength)
          ctx.report(
            { group: site.group, path: at(site, p, 'minLength') },
            `minLength ${p.minLength} is greater than maxLength ${p.maxLength}`,
          );
        if (minimum !== undefined && maximum !== undefined && minimum > maximum)
          ctx.report(
            { group: site.group, path: at(site, p, 'minimum') },
            `minimum ${p.minimum} is greater than maximum ${p.maximum}`,
          );
        p.enum?.forEach((v, i) => {
          if (type === 'NUMBER' && !Number.isFinite(Number(v)))
            ctx.report(
              { group: site.group, path: at(site, p, `enum/${i}`) },
              `enum value ${JSON.stringify(v)} of number parameter "${p.name}" is not a number`,
            );
        });
      },
    };
  },
} satisfies Rule;
