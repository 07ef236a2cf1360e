// Every Slack identifier the app uses (action_id, callback_id, block_id, commands, shortcuts) lives here, so a
// listener and the view that produces its payload can never disagree on a string.

export const Commands = {
  support: "/support",
  balance: "/balance",
  queue: "/queue",
  /** Find any case by number or words (CaseworkIds). */
  case: "/case",
} as const;

/** Words after /support that do something other than open the case modal. */
export const SupportCommands = {
  /** Post the channel's "open a case" message again and pin it. */
  entry: "entry",
} as const;

export const Shortcuts = {
  /** Message shortcut for T4U people: turn a customer's message into a case. */
  messageToCase: "message_to_case",
  /** Message shortcut 「案件を操作」 on a case's message: the staff menu of that case, for engineers. */
  caseStaffMenu: "case_staff_menu",
} as const;

export const Actions = {
  // Customer entry points and customer-side controls.
  openCase: "case_open",
  openCaseFromMessage: "case_open_from_message",
  openFollowUpCase: "case_open_follow_up",
  showBalance: "customer_balance_show",
  approveProposal: "proposal_approve",
  declineProposal: "proposal_decline",
  // Engineer controls on a case.
  take: "case_take",
  assign: "case_assign",
  resolve: "case_resolve",
  cancelDefect: "case_cancel_defect",
  declineScope: "case_decline_scope",
  proposeLevelA: "case_propose_level_a",
  proposeSplit: "case_propose_split",
  setExpectedDate: "case_set_expected_date",
  caseMenu: "case_menu",
  lowerLevel: "case_lower_level",
  // Managers.
  registerContract: "contract_register",
  addIncidents: "contract_add_incidents",
  renewContract: "contract_renew",
  adjustBalance: "balance_adjust",
  exportLedger: "ledger_export",
  /** A customer's contracts and recent ledger, from a row of the balance overview. */
  customerDetail: "balance_customer_detail",
  refreshHome: "home_refresh",
  // Controls inside modals (dispatch_action inputs).
  modalLevel: "modal_level",
  modalChannel: "modal_channel",
} as const;

export const Views = {
  openCase: "case_open_modal",
  /** The case modal while it has nothing to submit: loading, received, opened, or why not. */
  openCaseNotice: "case_open_notice_modal",
  levelA: "case_level_a_modal",
  split: "case_split_modal",
  expectedDate: "case_expected_date_modal",
  declineScope: "case_decline_scope_modal",
  cancelDefect: "case_cancel_defect_modal",
  assign: "case_assign_modal",
  lowerLevel: "case_lower_level_modal",
  /** The staff menu of a case (take, resolve, the case menu), opened by the 「案件を操作」 shortcut. */
  staffMenu: "case_staff_menu_modal",
  /** The App Home tab (a home view, published per person). */
  home: "app_home",
  registerContract: "contract_register_modal",
  addIncidents: "contract_add_incidents_modal",
  renewContract: "contract_renew_modal",
  adjustBalance: "balance_adjust_modal",
  exportLedger: "ledger_export_modal",
  customerDetail: "balance_customer_modal",
  /** A modal that only tells the manager something (done, or refused): nothing to submit. */
  managerNotice: "manager_notice_modal",
} as const;

/** block_id / action_id pairs of modal inputs; view_submission values are read by these. */
export const Inputs = {
  channel: { block: "in_channel", action: "channel" },
  title: { block: "in_title", action: "title" },
  description: { block: "in_description", action: "description" },
  product: { block: "in_product", action: "product" },
  level: { block: "in_level", action: "level" },
  levelReason: { block: "in_level_reason", action: "level_reason" },
  reason: { block: "in_reason", action: "reason" },
  parts: { block: "in_parts", action: "parts" },
  date: { block: "in_date", action: "date" },
  assignee: { block: "in_assignee", action: "assignee" },
  customerName: { block: "in_customer", action: "customer" },
  customerChannels: { block: "in_channels", action: "channels" },
  incidents: { block: "in_incidents", action: "incidents" },
  startsOn: { block: "in_starts_on", action: "starts_on" },
  endsOn: { block: "in_ends_on", action: "ends_on" },
  contact: { block: "in_contact", action: "contact" },
  amount: { block: "in_amount", action: "amount" },
  periodFrom: { block: "in_from", action: "from" },
  periodTo: { block: "in_to", action: "to" },
  confirmedOn: { block: "in_confirmed_on", action: "confirmed_on" },
  channelLocale: { block: "in_channel_locale", action: "channel_locale" },
} as const;

/** The formal report of a level A case: its controls, modals and inputs. */
export const ReportIds = {
  actions: {
    /** Case menu option: open the draft modal (the latest version, or a first draft from the case). */
    draft: "case_report_draft",
    approve: "report_approve",
    requestChanges: "report_request_changes",
    deliver: "report_deliver",
    /** After a delivery: open the draft modal for a corrected edition. */
    reissue: "report_reissue",
  },
  views: {
    draft: "report_draft_modal",
    changes: "report_changes_modal",
    /** Resolving a report case before any report was delivered asks first. */
    resolveConfirm: "case_resolve_without_report_modal",
  },
  inputs: {
    subject: { block: "in_report_subject", action: "report_subject" },
    summary: { block: "in_report_summary", action: "report_summary" },
    events: { block: "in_report_events", action: "report_events" },
    investigation: { block: "in_report_investigation", action: "report_investigation" },
    cause: { block: "in_report_cause", action: "report_cause" },
    measures: { block: "in_report_measures", action: "report_measures" },
    nextSteps: { block: "in_report_next_steps", action: "report_next_steps" },
    product: { block: "in_report_product", action: "report_product" },
    answeredOn: { block: "in_report_answered", action: "report_answered" },
    engineer: { block: "in_report_engineer", action: "report_engineer" },
    changeNote: { block: "in_report_change_note", action: "report_change_note" },
    review: { block: "in_report_review", action: "report_review" },
    comment: { block: "in_report_comment", action: "report_comment" },
  },
  /** block_id of the review message's buttons in the triage thread. */
  reviewBlock: "report_review",
  /** block_id of the review message's first block, which every state of it has. */
  reviewHeadBlock: "report_version",
} as const;

/** Where contracts are going: the satisfaction rating of a case, the usage statement, the SLA report. */
export const InsightIds = {
  actions: {
    /** The score buttons 1–5 in a closed case's thread (one id each: ids are unique within a block); the value is the case id. */
    rateScores: ["case_rate_1", "case_rate_2", "case_rate_3", "case_rate_4", "case_rate_5"],
    /** 「コメントを送る」 under a rating: opens the comment modal; the value is the case id. */
    rateComment: "case_rate_comment",
    /** 「利用明細」 on a customer channel's entry message, and in /balance <customer>: the value is the channel or customer. */
    statement: "usage_statement",
    /** 「SLA レポート」 in the managers' overview. */
    slaReport: "sla_report",
  },
  views: {
    rateComment: "case_rate_comment_modal",
  },
  inputs: {
    commentBlock: "in_rate_comment",
    comment: "rate_comment",
  },
} as const;

/** Renewals and purchases asked for in Slack: the renewal question, the application modal, the managers' controls. */
export const RenewalIds = {
  actions: {
    /** The customer's answers to the renewal notice; the button's value is the contract id. */
    answerContinue: "renewal_answer_continue",
    answerConsidering: "renewal_answer_considering",
    answerDecline: "renewal_answer_decline",
    /** 「追加購入のご相談」 on the exhausted-balance notice: opens the application modal. */
    applyAddition: "purchase_apply_addition",
    /** Managers, on a request's triage message: open the prefilled renewal/addition modal, or decline / hold it. */
    registerRequest: "purchase_request_register",
    declineRequest: "purchase_request_decline",
  },
  views: {
    application: "purchase_application_modal",
    decline: "purchase_request_decline_modal",
  },
  inputs: {
    company: { block: "in_apply_company", action: "apply_company" },
    person: { block: "in_apply_person", action: "apply_person" },
    email: { block: "in_apply_email", action: "apply_email" },
    incidents: { block: "in_apply_incidents", action: "apply_incidents" },
    startsOn: { block: "in_apply_starts_on", action: "apply_starts_on" },
    note: { block: "in_apply_note", action: "apply_note" },
    reason: { block: "in_request_reason", action: "request_reason" },
  },
  /** block_id of the renewal question's buttons. */
  answerBlock: "renewal_answers",
  requestBlock: "purchase_request_controls",
} as const;

/** Finding any case (/case), its card and transcript, its files, and engineers' personal notifications. */
export const CaseworkIds = {
  actions: {
    /** 「履歴を出力」 on the case card: the transcript by direct message; the value is the case id. */
    exportTranscript: "case_export_transcript",
    /** 「過去の案件を検索」 for customers (on their channel's entry message): opens the search modal. */
    customerSearch: "case_search_open",
    /** 「ご依頼中の案件」 on a customer channel's entry message: the channel's open and recent cases, in a modal. */
    channelCases: "channel_cases_open",
    /** App Home checkboxes: which kinds of personal notification an engineer receives. */
    notificationKinds: "notification_kinds",
    /** 「開く」: a link button to a case's thread (App Home, /queue); Slack still reports the click, which is only acknowledged. */
    openThread: "case_open_thread",
  },
  views: {
    customerSearch: "case_search_modal",
    channelCases: "channel_cases_modal",
  },
  inputs: {
    query: { block: "in_case_query", action: "case_query" },
    /** The open-case modal's attachments (file_input). */
    files: { block: "in_case_files", action: "case_files" },
  },
  /** block_id of the card's buttons (suffixed with ":<case id>"). */
  cardActions: "case_card_actions",
  notificationBlock: "notification_prefs",
  /** block_id of a queue row's buttons (suffixed with ":<case id>"). */
  queueRow: "queue_row",
  blocks: {
    /** Why a submitted case form opened nothing, at the top of the form shown again. */
    openRefusal: "case_open_refusal",
  },
} as const;

/** A channel's tenancy as managers set it in Slack: the registration's workspace step and the detail's controls. */
export const TenancyIds = {
  actions: {
    /** On a channel's line in the customer detail; the value is the channel id. */
    editTeams: "channel_edit_teams",
    editApprovers: "channel_edit_approvers",
  },
  views: {
    /** The registration's second step when a channel is shared with several outside workspaces. */
    chooseTeam: "contract_register_team_modal",
    teams: "channel_teams_modal",
    approvers: "channel_approvers_modal",
  },
  inputs: {
    customerTeam: { block: "in_customer_team", action: "customer_team" },
    customerTeams: { block: "in_customer_teams", action: "customer_teams" },
    approvers: { block: "in_approvers", action: "approvers" },
  },
  /** block_id of a channel's controls in the customer detail (suffixed with ":<channel id>"). */
  channelBlock: "channel_tenancy",
} as const;
