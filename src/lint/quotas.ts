/**
 * The quota profile (errors-and-limits.md §4.1, 002 §1.5): defaults per user/account, overridable for an
 * instance with raised quotas (`--profile FILE` or `quotas:` in .apiglint.yaml).
 */
export const DEFAULT_QUOTAS = {
  groups: 50,
  apis: 200,
  apisPerImport: 300,
  parametersPerApi: 50,
  policyBackendsPerApi: 5,
  environments: 10,
  variablesPerEnvironment: 50,
  apps: 50,
  appCodesPerApp: 5,
  throttlePolicies: 30,
  specialsPerPolicy: 30,
  aclPolicies: 100,
  aclEntries: 100,
  signatureKeys: 30,
  vpcChannels: 30,
  membersPerChannel: 200,
  domainsPerGroup: 5,
} as const;

export type QuotaName = keyof typeof DEFAULT_QUOTAS;
export type Quotas = Record<QuotaName, number>;

export const QUOTA_SOURCES: Record<QuotaName, string> = {
  groups: 'User Guide §1.5, §5.1.1',
  apis: 'User Guide §1.5, §5.2.1',
  apisPerImport: 'User Guide §8.7.1',
  parametersPerApi: 'User Guide §1.5',
  policyBackendsPerApi: 'User Guide §5.2.1, Best Practices §10.1',
  environments: 'User Guide §1.5, §5.5.1',
  variablesPerEnvironment: 'User Guide §1.5, §5.5.1',
  apps: 'User Guide §1.5, §6.1.1',
  appCodesPerApp: 'User Guide §6.1.4',
  throttlePolicies: 'User Guide §1.5, §5.3.1',
  specialsPerPolicy: 'User Guide §1.5',
  aclPolicies: 'User Guide §1.5, §5.4.1',
  aclEntries: 'User Guide §5.4.1',
  signatureKeys: 'User Guide §1.5, §5.6.1',
  vpcChannels: 'User Guide §1.5, §5.7.1',
  membersPerChannel: 'User Guide §1.5',
  domainsPerGroup: 'User Guide §1.5, §5.1.2',
};

export function quotasWith(overrides: Partial<Record<string, unknown>> | undefined): {
  quotas: Quotas;
  unknown: string[];
} {
  const quotas: Quotas = { ...DEFAULT_QUOTAS };
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (Object.hasOwn(quotas, k) && typeof v === 'number' && Number.isInteger(v) && v > 0) quotas[k as QuotaName] = v;
    else unknown.push(k);
  }
  return { quotas, unknown };
}
