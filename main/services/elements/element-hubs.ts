// Which platform hub an element belongs to, for its heartbeat GET /hubs/{hub}/ping: a small table
// of known element keys (zohocrmv2 → crm); any other element is pinged on the crm hub.
const HUB_OF_ELEMENT: Readonly<Record<string, string>> = {
  zohocrmv2: 'crm',
  zohocrm: 'crm',
  sfdc: 'crm',
  hubspotcrm: 'crm',
  dynamicscrmadfs: 'crm',
  sugarcrmv2: 'crm',
  netsuiteerpv2: 'erp',
  sageintacct: 'finance',
  quickbooks: 'finance',
  xero: 'finance',
  shopify: 'ecommerce',
  magento: 'ecommerce',
  zendesk: 'helpdesk',
  freshdesk: 'helpdesk',
  servicenow: 'helpdesk',
  hubspot: 'marketing',
  marketo: 'marketing',
  mailchimp3: 'marketing',
  box: 'documents',
  dropbox: 'documents',
  googledrive: 'documents',
  slack: 'messaging',
};

/** The most common hub, and the one the app's first element (Zoho CRM V2) lives in. */
export const DEFAULT_HUB = 'crm';

export function hubOfElement(elementKey: string): string {
  return HUB_OF_ELEMENT[elementKey.toLowerCase()] ?? DEFAULT_HUB;
}
