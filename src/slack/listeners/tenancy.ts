// A channel's tenancy set by managers in Slack: the registration's workspace step and the customer detail's
// workspace and approver controls; registered together from listeners/index.ts.
import * as channelTenancyAction from "./actions/channel-tenancy.ts";
import * as channelTenancyView from "./views/channel-tenancy.ts";
import * as chooseCustomerTeamView from "./views/choose-customer-team.ts";

export const tenancyModules = [channelTenancyAction, channelTenancyView, chooseCustomerTeamView];
