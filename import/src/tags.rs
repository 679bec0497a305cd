//! Facts derived from what the SDKs say a code means. The descriptions are
//! Tencent's words and never leave the import: each is read, reduced to a
//! set of [`Tag`]s, and dropped. `data/codes.tsv` stores the tags, and the
//! advice rules ([`crate::advice`]) read them beside the code's own words.
//!
//! A tag says that a description (English or Chinese) *says* something,
//! for example that the failure passes by itself. The patterns are whole
//! phrases, not single words, and two traps are handled first:
//!
//! - "check and try again", "correct it and retry later", 请检查后重试:
//!   the caller must change something before trying again. That is
//!   [`Tag::FixRequest`], never [`Tag::Temporary`]; the phrase is removed
//!   before the temporary patterns are tried.
//! - "temporarily not supported", 暂不支持: unsupported, not a passing
//!   condition; "pending approval", 审核中: a person must act.
//! - "try again tomorrow", 次日, 24 小时: a daily limit, a count.
//!
//! Tags are found clause by clause, and a lasting fact beats a passing one
//! unless both are in the same clause: "the table does not exist; try
//! again later" is not found, not temporary. The same holds across the
//! descriptions of one code ([`combine`]): one hopeful sentence in one
//! language or product does not outweigh a lasting fact stated elsewhere.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

/// One fact a description states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tag {
    /// A cause that passes by itself: busy, in progress, being created or
    /// migrated, not ready, upgrading, a task running, a lock held.
    Temporary,
    /// Too many requests too fast: a rate or frequency limit.
    RateLimit,
    /// A failure on the service's side: internal, system, network,
    /// backend, database, or a timeout.
    Fault,
    /// What the request names does not exist.
    NotFound,
    /// What the request would create already exists.
    Exists,
    /// The operation is not supported.
    Unsupported,
    /// The caller has no permission.
    NoPermission,
    /// The account's balance is too low, or it is in arrears.
    Billing,
    /// A limit on a count or a quota was reached.
    CountLimit,
    /// The caller must fix the request: invalid, malformed, check and try
    /// again.
    FixRequest,
    /// Only the remedy "try again later", with no cause that passes.
    RetryLater,
    /// Something failed: the request may or may not have taken effect.
    Failed,
    /// A state that does not pass by itself: locked, frozen, banned,
    /// isolated, expired, stopped, not activated or enabled, awaiting a
    /// person's approval.
    LastingState,
}

impl Tag {
    /// Every tag, in the order they are written.
    pub const ALL: [Tag; 13] = [
        Tag::Temporary,
        Tag::RateLimit,
        Tag::Fault,
        Tag::NotFound,
        Tag::Exists,
        Tag::Unsupported,
        Tag::NoPermission,
        Tag::Billing,
        Tag::CountLimit,
        Tag::FixRequest,
        Tag::RetryLater,
        Tag::Failed,
        Tag::LastingState,
    ];

    /// Tags of a condition that passes by itself.
    pub const PASSING: [Tag; 3] = [Tag::Temporary, Tag::RateLimit, Tag::RetryLater];

    /// Tags of a fact that lasts until someone acts.
    pub const LASTING: [Tag; 8] = [
        Tag::NotFound,
        Tag::Exists,
        Tag::Unsupported,
        Tag::NoPermission,
        Tag::Billing,
        Tag::CountLimit,
        Tag::FixRequest,
        Tag::LastingState,
    ];

    /// The tag as `data/codes.tsv` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Temporary => "temporary",
            Tag::RateLimit => "rate-limit",
            Tag::Fault => "fault",
            Tag::NotFound => "not-found",
            Tag::Exists => "exists",
            Tag::Unsupported => "unsupported",
            Tag::NoPermission => "no-permission",
            Tag::Billing => "billing",
            Tag::CountLimit => "count-limit",
            Tag::FixRequest => "fix-request",
            Tag::RetryLater => "retry-later",
            Tag::Failed => "failed",
            Tag::LastingState => "lasting-state",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of tags; written as the tags joined by `,` in [`Tag::ALL`]'s
/// order, empty for none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tags(u16);

impl Tags {
    pub fn has(self, tag: Tag) -> bool {
        self.0 & tag.bit() != 0
    }

    pub fn insert(&mut self, tag: Tag) {
        self.0 |= tag.bit();
    }

    pub fn union(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Any of `tags` is in the set.
    pub fn has_any(self, tags: &[Tag]) -> bool {
        tags.iter().any(|&t| self.has(t))
    }

    /// The set without `tags`.
    pub fn without(self, tags: &[Tag]) -> Tags {
        Tags(tags.iter().fold(self.0, |bits, t| bits & !t.bit()))
    }

    /// A lasting fact stated with no passing one beside it.
    pub fn lasting_alone(self) -> bool {
        self.has_any(&Tag::LASTING) && !self.has_any(&Tag::PASSING)
    }

    pub fn iter(self) -> impl Iterator<Item = Tag> {
        Tag::ALL.into_iter().filter(move |t| self.has(*t))
    }

    /// Reads what [`Display`](fmt::Display) writes.
    pub fn parse(text: &str) -> Result<Tags, String> {
        let mut tags = Tags::default();
        for name in text.split(',').filter(|s| !s.is_empty()) {
            let tag = Tag::ALL
                .into_iter()
                .find(|t| t.as_str() == name)
                .ok_or_else(|| format!("unknown tag {name:?}"))?;
            tags.insert(tag);
        }
        Ok(tags)
    }
}

impl FromIterator<Tag> for Tags {
    fn from_iter<I: IntoIterator<Item = Tag>>(iter: I) -> Tags {
        let mut tags = Tags::default();
        for tag in iter {
            tags.insert(tag);
        }
        tags
    }
}

impl fmt::Display for Tags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(Tag::as_str).collect();
        f.write_str(&names.join(","))
    }
}

/// Builds a case-insensitive pattern from alternatives.
fn pattern(alternatives: &[&str]) -> Regex {
    Regex::new(&format!("(?i)(?:{})", alternatives.join("|"))).expect("a valid pattern")
}

/// English verbs of changing the request before trying again.
const FIX_VERBS: &str = r"check|fix|correct|modify|change|adjust|confirm|verify|review|update|re-?enter|enter|fill|specify|select|provide|input|edit|rectify|amend|replace|create|add|delete|remove|bind|configure|set|reset|enable|disable|activate|apply|grant|top up|recharge|purchase|contact|submit a ticket|wait for approval|upgrade the \w+";

/// "check … and try again", "请修改后重试": the caller acts first.
static ACT_THEN_RETRY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        &format!(
            r"\b(?:{FIX_VERBS})\b[^.;!?。；！]*?\b(?:and|then|before|to)\b[^.;!?。；！]*?\b(?:try|retry|resubmit|re-?initiate|re-?send|request)\b(?:\s+(?:it|the \w+))?(?:\s+again)?(?:\s+later)?"
        ),
        r"(?:检查|修改|修正|更正|确认|核实|核对|调整|更换|补充|填写|输入|设置|配置|创建|开通|授权|充值|购买|联系|升级|删除|绑定|选择|完善|处理)[^，,。；;！!？?稍]{0,16}?(?:后|再)\s*(?:再)?\s*(?:重试|尝试|提交|操作|调用|请求)",
    ])
});

/// The remedy alone: try again later, wait, please retry.
static RETRY_LATER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\b(?:try|retry|re-?try|resubmit|re-?send|request|call|operate)\b(?:\s+(?:it|this|the \w+|your \w+))?(?:\s+again)?\s+(?:later|shortly|afterwards|in a (?:moment|while|few|minute|second)|after (?:a|some|several|\d+) \w+)\b",
        r"\b(?:please\s+)?(?:wait|try again later|retry later)\b",
        r"\bplease retry\b|\bretry (?:your|the) (?:request|operation|call)\b|\bplease (?:try|retry)(?: it)? again\b|\btry again or\b|\b(?:try|retry)(?: it)?(?: again)? (?:when|once) \w+",
        // A sentence or clause that is only "please try again".
        r"(?:^|[.,;:!?，。；：]\s*)(?:please\s+)?(?:try|retry)(?:\s+it)?(?:\s+again)?\s*(?:[.!?。]|$)",
        r"稍后|稍候|请等待|耐心等待|请等候|一段时间后|过一会|片刻后",
        r"(?:^|[，。；：,.;:\s])请?(?:再)?重试(?:一下|一次)?(?:[。.!！]|$)|请?再试一次|请(?:您)?(?:再)?重试",
    ])
});

/// A cause that passes by itself.
static TEMPORARY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\bdue to (?:a |the )?(?:service|system|platform) (?:upgrade|maintenance)\b|\bmay last (?:for )?(?:about )?\d",
        r"\b(?:blocked|disabled|frozen|restricted|suspended|locked|banned|limited) temporarily\b|\btemporarily (?:blocked|disabled|frozen|restricted|suspended|locked|banned|limited)\b",
        r"\bbusy\b",
        r"\bin progress\b|\binprogress\b|\bunder way\b|\bin process\b",
        r"\bbeing\s+(?:processed|created|migrated|modified|updated|upgraded|initialized|initialised|started|restarted|rebooted|changed|adjusted|scaled|resized|expanded|synced|synchronized|deployed|installed|restored|rolled back|switched|executed|operated|manipulated|handled|generated|prepared|loaded|copied|cloned|backed up|transferred|bound|unbound|activated|opened|renewed|replicated|rebuilt|reinstalled|provisioned|allocated|scanned|indexed|imported|exported|uploaded|parsed|published|built|compiled|trained|reset|mounted|unmounted|attached|detached|launched|recovered|repaired)\b",
        r"\b(?:is|are|still|currently|now)\s+(?:processing|creating|migrating|modifying|updating|upgrading|initializing|initialising|starting|restarting|rebooting|changing|adjusting|scaling|resizing|expanding|syncing|synchronizing|deploying|installing|restoring|rolling back|switching|executing|operating|loading|copying|cloning|backing up|transferring|binding|unbinding|activating|opening|verifying|mounting|attaching|detaching|launching|recovering|generating|preparing)\b",
        r"\bin (?:the |a )?(?:processing|creating|migrating|modifying|updating|upgrading|initializing|starting|restarting|rebooting|changing|scaling|resizing|expanding|syncing|deploying|installing|restoring|switching|executing|operating|loading|copying|cloning|backing up|binding|unbinding|activating|opening|mounting|attaching|detaching|launching|recovering) (?:state|status|stage|phase|process)\b",
        r"\bnot (?:yet )?ready\b|\bnot yet (?:complete|completed|finished|started|initialized|initialised|done|ready|synced|synchronized)\b|\bnot (?:been )?(?:completed|finished) yet\b",
        r"\b(?:task|job|operation|process|request|workflow|another \w+)s?\s+(?:is|are)?\s*(?:still\s+|currently\s+|already\s+)?(?:running|executing|in execution|being executed|processing|underway)\b",
        r"\b(?:running|unfinished|incomplete|pending|ongoing|executing) (?:task|job|operation|process|workflow)s?\b",
        r"\block(?:ed)? by another\b|\block (?:is )?(?:held|occupied|conflict)\b|\b(?:acquire|obtain|get|grab)\w* (?:the |a )?lock\b|\block conflict\b|\bmutex\b|\bconcurrent (?:operation|modification|request|update)s?\b|\boperation conflict\b",
        r"\btemporarily\b(?:\s+un\w+|\s+(?:out|busy|not available|overloaded|inaccessible|full|limited))",
        r"\btemporary (?:failure|error|unavailab\w*|issue|problem|exception|fault|network)\b",
        r"\b(?:service|system|server|backend)s?\s+(?:is\s+|are\s+)?(?:temporarily\s+|currently\s+)(?:unavailable|overloaded|under maintenance)\b|\b(?:service|system|server|backend)s?\s+(?:is\s+|are\s+)?(?:overloaded|under maintenance)\b",
        // Chinese: busy, in progress, running a named step, not ready, a
        // lock held by a concurrent operation.
        r"等待.{0,6}完成",
        r"繁忙|忙碌|拥堵",
        r"正在(?:处理|创建|变更|迁移|升级|更新|初始化|启动|重启|扩容|缩容|恢复|同步|部署|生成|配置|开通|切换|回滚|备份|安装|加载|准备|调整|修改|执行|进行|操作|生效)|进行中|处理中|执行中|创建中|变更中|迁移中|升级中|更新中|初始化中|启动中|重启中|扩容中|缩容中|恢复中|同步中|部署中|操作中|生成中|配置中(?:[^心]|$)|开通中|切换中|回滚中|备份中|安装中|加载中|准备中|调整中|修改中|开机中|挂载中|绑定中|解绑中|中请稍",
        r"未就绪|尚未就绪|还未就绪|没有就绪|(?:任务|操作|流程|请求)(?:尚|还)?未(?:完成|结束)",
        r"锁冲突|加锁失败|获取锁|抢锁|锁获取失败|获取.{0,6}锁失败|任务锁|并发操作|操作冲突|任务冲突|并发冲突",
        r"暂时(?:无法|不可|不能|失败|异常|繁忙|不可用)|临时(?:故障|错误|异常)",
        r"维护中|服务维护",
        r"(?:正常|可用|完成|结束|就绪|空闲)(?:时|后)(?:再)?(?:重试|尝试|操作)|临时(?:封|限|冻|block|锁)|被临时",
    ])
});

/// Something failed, with no cause that passes named.
static FAILED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\bfail(?:ed|s|ure)?\b|\berror occurred\b|\bexception\b|\bunsuccessful\b|\bwent wrong\b",
        r"失败|出错|异常",
    ])
});

/// A state that lasts until a person acts.
static LASTING_STATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\b(?:is|are|was|been|has been|have been|account|domain|user)\s+(?:\w+\s+)?(?:locked|frozen|banned|blocked|isolated|suspended|disabled|blacklisted|deactivated)\b|\b(?:locked|frozen|banned|isolated|suspended) (?:account|domain|user|resource|instance|state|status)\b",
        r"\bnot (?:yet )?(?:been )?(?:activated|enabled|opened|subscribed|purchased|turned on|registered|verified|authenticated|bound)\b|\b(?:expired|has expired|have expired|is stopped|are stopped|has been stopped|shut ?down|terminated|destroyed|deactivated)\b|\bbeing (?:deleted|isolated|terminated|destroyed|released|frozen|disabled|closed)\b|\b(?:is|are) (?:deleting|isolating|terminating|releasing|freezing|closing)\b|\b(?:pending|awaiting|wait(?:ing)? for) (?:\w+ )?(?:approval|review|audit|verification)\b|\bunder review\b",
        r"被锁|锁定|已锁|冻结|封禁|封号|禁用|被禁|隔离|停用|已停止|已关机|已过期|过期|已到期|到期|已销毁|已删除|删除中|销毁中|释放中|隔离中|关机中|未开通|未启用|未激活|未开启|未购买|未认证|未实名|未注册|未绑定|白名单",
    ])
});

/// A daily limit: a count that resets tomorrow, not a passing condition.
static DAILY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\btomorrow\b|\bnext day\b|\b24 hours\b|\bper day\b|\beach day\b|\bdaily\b|\btoday\b",
        r"次日|明天|明日|24\s*小时|每天|每日|当天|当日|今日|今天|单日",
    ])
});

/// Waiting for a person's approval, cut out before the passing patterns
/// (whose "wait" and 正在 it would match) and left as "pending approval",
/// which [`LASTING_STATE`] reads.
static PENDING_APPROVAL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\bwait(?:ing)? for (?:\w+ )?(?:approval|review|audit)\b",
        r"审核中|审批中|待审核|待审批|正在审核",
    ])
});

static RATE_LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\brate limit(?:ed|ing)?\b(?:\s+(?:exceeded|reached|triggered|hit))|\b(?:exceed\w*|reach\w*|trigger\w*|hit)\s+(?:the\s+)?(?:\w+\s+)?rate limit|\brate[- ]limited\b|\bfrequency limit (?:exceeded|reached|triggered)|\bexceed\w* (?:the )?frequency limit|\btoo frequent(?:ly)?\b|\bso frequently\b|\bqps (?:exceed\w*|limit exceeded|over\w*|too high)|\bexceed\w* (?:the )?qps\b|\bthrottl\w*|\btoo many requests\b|\b(?:request|call|access|invocation|api) (?:frequency|rate)\b|\bexceeds? the (?:request |call )?(?:frequency|rate)\b|\btoo (?:fast|often|quickly)\b|\brequests? per (?:second|minute)\b|\bfrequency (?:exceed\w*|over\w*|is too high)\b",
        r"\bnumber of (?:api )?(?:requests|calls|invocations) (?:exceeds|exceeded|has exceeded|is over)\b",
        r"(?:请求|调用|操作|访问|接口|提交|发送|查询|获取)(?:的)?频率(?:过|超|太|受限|限制)|频率(?:过高|过快|太高|太快|超限|超过|超出)|频繁|限频|被限流|触发(?:了)?(?:限流|流控)|已限流|被流控|过快|QPS(?:超|过)|超过QPS|请求过多|请求次数过多|调用次数过多|并发(?:数)?(?:超|过)|请求次数(?:超|过)|调用次数(?:超|过)",
    ])
});

static FAULT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\b(?:internal|system|server|service|backend|back-end|network|database|db|upstream|downstream|underlying|platform|storage|inner)\s+(?:\w+\s+)?(?:error|exception|failure|fault|issue|problem|timeout|abnormal\w*|unavailable|is abnormal)\b",
        r"\binternal(?:ly)?\b.{0,20}\b(?:error|fail\w*|exception)\b",
        r"\btime[ds]?\s?out\b|\btimeout\b",
        r"\bunknown (?:error|exception)\b|\bunexpected error\b",
        r"\b(?:failed|unable) to (?:connect|call|access|invoke|request) (?:the )?(?:\w+ )?(?:service|server|backend|database|db|api|interface|gateway|module)\b",
        r"内部错误|内部异常|内部服务|系统错误|系统异常|系统内部|服务异常|服务错误|服务内部|服务端|服务器(?:错误|异常|繁忙|内部)|网络(?:错误|异常|故障|超时)|后端|后台(?:错误|异常|服务)|数据库(?:错误|异常|操作失败)|超时|未知错误|未知异常|调用.{0,10}(?:服务|接口)(?:失败|异常|出错)|存储(?:错误|异常)",
    ])
});

static NOT_FOUND: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\bnot (?:be )?found\b|\b(?:does|do|did)(?: not|n't) exist|\bnot exist\w*|\bno such\b|\b(?:cannot|can't|could not|couldn't|unable to|failed to) (?:be )?(?:find|found|locate)\b|\bnon-?existent\b|\bno longer exists?\b|\bnot available in the\b",
        r"不存在|未找到|找不到|没有找到|查询不到|无法找到|查不到|未查到|未查询到",
    ])
});

static EXISTS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\balready (?:exists?|existed|taken|registered|created|added|bound|in use|used|occupied)\b|\bexists? already\b|\bduplicat\w*|\brepeated\w*|\bsame name\b|\bname (?:is )?(?:taken|in use|used|occupied)\b|\bhas (?:already )?been (?:taken|registered|used)\b",
        r"已存在|已经存在|已被(?:创建|注册|添加)|重复|重名|同名",
    ])
});

static UNSUPPORTED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\bnot (?:yet )?supported\b|\bunsupported\b|\b(?:does|do|did)(?: not|n't) support\b|\bnot support\w*|\bno support\b|\bcannot be supported\b",
        r"不支持|暂不支持|尚不支持|不被支持|未支持",
    ])
});

static NO_PERMISSION: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\bno (?:\w+ )?permissions?\b|\bnot (?:been )?authori[sz]ed\b|\bunauthori[sz]ed\b|\bpermission denied\b|\baccess (?:is )?denied\b|\binsufficient (?:\w+ )?(?:permissions?|privileges?)\b|\b(?:not|n't) have (?:the )?(?:\w+ )?(?:permissions?|privileges?|access)\b|\blacks? (?:the )?(?:\w+ )?(?:permissions?|privileges?)\b|\bforbidden\b|\bno access\b|\bnot granted\b|\bwithout (?:\w+ )?permission\b|\bnot (?:been )?granted\b",
        r"无权限|没有权限|权限不足|无权|未授权|没有.{0,10}权限|无访问权限|禁止访问|拒绝访问|未获得授权|缺少权限|无操作权限",
    ])
});

static BILLING: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\binsufficient (?:account )?(?:balance|funds)\b|\bbalance (?:is )?(?:insufficient|not enough|too low)\b|\bnot enough (?:balance|money|funds)\b|\barrears?\b|\boverdue (?:payment|bill\w*|fee\w*)\b|\bin debt\b|\btop up\b|\bunpaid\b|\boutstanding (?:payment|bill)\w*|\bowe[sd]?\b|\bowing\b|\boverdue\b",
        r"余额不足|余额不够|欠费|欠款|账户余额|未支付|待支付|充值|未付款|逾期",
    ])
});

static COUNT_LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\bquotas?\b|\bexceeds? the (?:maximum|max|upper|allowed) (?:number|limit|count|quantity)\b|\b(?:maximum|max) (?:number|count|quantity) of\b|\breached (?:the |its )?(?:upper |maximum |max )?limit\b|\blimit (?:has been |is )?reached\b|\bupper limit\b|\b(?:number|count|quantity) of [\w\s-]{1,40}?(?:exceeds?|exceeded|has reached|reached|is over|over)\b|\btoo many (?:\w+ )?(?:instances|resources|rules|tags|items|records|keys|users|groups|tasks|objects|files|policies|domains|certificates|entries|members|versions|buckets|nodes|clusters|databases|accounts)\b|\bexceeded the limit\b|\bexceeds? the limit\b|\bno more (?:\w+ )?can be (?:created|added)\b",
        r"配额|上限|数量超过|数量超出|超过.{0,12}数量|超出.{0,12}数量|个数超过|个数超出|数量已达|达到上限|已达上限|最大数量|最多(?:只能|可以|允许|支持)|数量限制|超过最大|超出最大|超过限制|超出限制",
    ])
});

static FIX_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\binvalid\b|\bincorrect\b|\billegal\b|\bmalformed\b|\b(?:is|are|was|were) wrong\b|\bwrong (?:\w+ )?(?:format|value|parameter|type|password|code|id|name|number|input|key|signature|region|length|size)s?\b|\bnot valid\b|\b(?:does|do)(?: not|n't) (?:conform|comply|match|meet)\b|\bmust (?:be|not|contain|have|start|end|match)\b|\bcannot be (?:empty|null|blank)\b|\bis required\b|\bformat (?:error|is incorrect|is invalid)\b|\bout of (?:the )?(?:valid )?range\b|\bmissing\b|\bexceeds? the (?:maximum )?length\b|\btoo long\b|\btoo short\b|\bmismatch\w*|\bparameter error\b|\bnot in the (?:valid|allowed) range\b",
        r"参数(?:错误|有误|不合法|非法|无效|格式|不正确|校验失败|缺失|为空)|格式(?:错误|不正确|有误|非法|不合法)|不合法|非法|无效|不正确|有误|错误的|不能为空|不可为空|必须|缺少|超出范围|超过长度|长度超过|不匹配|不符合",
    ])
});

/// The tags one description states, clause by clause: a lasting fact
/// stated in a clause with no passing one beside it outweighs the passing
/// facts of the other clauses.
pub fn tags(description: &str) -> Tags {
    let mut tags = Tags::default();
    let acted = ACT_THEN_RETRY.is_match(description);
    if acted {
        tags.insert(Tag::FixRequest);
    }
    // What remains once every "act, then try again" is cut out.
    let rest = ACT_THEN_RETRY.replace_all(description, " ; ");
    // "Temporarily not supported" is a lasting refusal, "in use" a holder
    // that does not let go by itself, "pending approval" waits for a
    // person, and "tomorrow" is a daily limit.
    let rest = UNSUPPORTED_TEMPORARILY.replace_all(&rest, " unsupported ; ");
    let rest = IN_USE.replace_all(&rest, " ; ");
    let rest = PENDING_APPROVAL.replace_all(&rest, " pending approval ; ");
    let daily = DAILY.is_match(&rest);
    let rest = DAILY.replace_all(&rest, " ; ");
    if daily {
        tags.insert(Tag::CountLimit);
    }
    let mut lasting_alone = acted || daily;
    for clause in CLAUSE.split(&rest) {
        let mut found = Tags::default();
        for (tag, regex) in [
            (Tag::Temporary, &*TEMPORARY),
            (Tag::RetryLater, &*RETRY_LATER),
            (Tag::RateLimit, &*RATE_LIMIT),
            (Tag::Fault, &*FAULT),
            (Tag::Failed, &*FAILED),
            (Tag::NotFound, &*NOT_FOUND),
            (Tag::Exists, &*EXISTS),
            (Tag::Unsupported, &*UNSUPPORTED),
            (Tag::NoPermission, &*NO_PERMISSION),
            (Tag::Billing, &*BILLING),
            (Tag::CountLimit, &*COUNT_LIMIT),
            (Tag::FixRequest, &*FIX_REQUEST),
            (Tag::LastingState, &*LASTING_STATE),
        ] {
            if regex.is_match(clause) {
                found.insert(tag);
            }
        }
        lasting_alone |= found.lasting_alone();
        tags = tags.union(found);
    }
    if lasting_alone {
        tags = tags.without(&Tag::PASSING);
    }
    tags
}

/// The tags of one code from all its descriptions (languages, products):
/// their union, except that a lasting fact one description states with
/// no passing one outweighs the passing facts of the others. The
/// cautious reading: one hopeful sentence does not decide for all.
pub fn combine(all: impl IntoIterator<Item = Tags>) -> Tags {
    let mut union = Tags::default();
    let mut lasting_alone = false;
    for tags in all {
        lasting_alone |= tags.lasting_alone();
        union = union.union(tags);
    }
    if lasting_alone {
        union.without(&Tag::PASSING)
    } else {
        union
    }
}

/// Where one clause ends and the next begins.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.;!?,:。；！？，：、\n]+\s*|\s+(?:but|however|or)\s+").expect("a valid pattern")
});

static IN_USE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\b(?:is|are)\s+(?:still\s+|currently\s+)?(?:being\s+)?(?:used|in use|referenced|occupied)\b",
        r"正在(?:被)?使用|正在被引用|正在被占用",
    ])
});

static UNSUPPORTED_TEMPORARILY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&[
        r"\btemporarily (?:not|un)\s?(?:supported|available for|allowed|open)\w*|\bnot (?:currently |temporarily )?supported (?:currently|temporarily|at (?:the moment|present))",
        r"暂不支持|暂时不支持|暂未支持|暂不开放|暂未开放",
    ])
});

#[cfg(test)]
mod tests {
    use super::*;

    /// Every description here is our own wording.
    fn assert_tags(text: &str, expected: &[Tag]) {
        let got = tags(text);
        let want: Tags = expected.iter().copied().collect();
        assert_eq!(got, want, "{text:?}: got {got}, want {want}");
    }

    #[test]
    fn try_again_later_is_a_remedy_not_a_cause() {
        for text in [
            "Please try again later.",
            "Give it a moment, then retry in a few seconds.",
            "请稍后重试。",
        ] {
            let t = tags(text);
            assert!(
                t.has(Tag::RetryLater) && !t.has(Tag::Temporary),
                "{text:?}: {t}"
            );
        }
    }

    #[test]
    fn a_lasting_fact_beats_a_passing_one_in_another_clause() {
        for text in [
            "The gadget table does not exist; please try again later.",
            "Gadget quota is used up, retry later.",
            "The account is locked. Please try again later.",
            "部件不存在，请稍后重试。",
            "今日调用次数已达上限，请明天再试。",
            "Too many attempts today; try again tomorrow.",
        ] {
            let t = tags(text);
            assert!(!t.has_any(&Tag::PASSING), "{text:?}: {t}");
            assert!(t.has_any(&Tag::LASTING), "{text:?}: {t}");
        }
        // In one clause, both stand.
        let t = tags("The gadget is being created and not found yet.");
        assert!(t.has(Tag::Temporary) && t.has(Tag::NotFound), "{t}");
        // Across descriptions, the same: one hopeful sentence does not
        // outweigh a lasting fact stated elsewhere.
        let hopeful = tags("The gadget is busy.");
        let lasting = tags("部件不存在。");
        assert!(hopeful.has(Tag::Temporary));
        let both = combine([hopeful, lasting]);
        assert!(
            !both.has(Tag::Temporary) && both.has(Tag::NotFound),
            "{both}"
        );
    }

    #[test]
    fn a_locked_thing_or_a_setting_is_no_passing_condition() {
        for text in [
            "The domain is locked.",
            "The account has been frozen.",
            "域名已被锁定。",
            "账号被锁。",
            "The service is not activated.",
            "服务未开通。",
            "The order is waiting for approval.",
            "订单正在审核，请稍后重试。",
        ] {
            let t = tags(text);
            assert!(!t.has_any(&Tag::PASSING), "{text:?}: {t}");
            assert!(t.has(Tag::LastingState), "{text:?}: {t}");
        }
        for text in [
            "The prefetch bandwidth rate limit value is too large.",
            "截图频率参数取值错误。",
            "限流配置不正确。",
            "The maintenance window is invalid.",
        ] {
            let t = tags(text);
            assert!(
                !t.has(Tag::RateLimit) && !t.has(Tag::Temporary),
                "{text:?}: {t}"
            );
        }
    }

    #[test]
    fn temporary_in_english() {
        for text in [
            "The gadget is busy.",
            "A resize of the gadget is in progress.",
            "The gadget is being created.",
            "The gadget is being migrated to another zone.",
            "The gadget is not ready yet.",
            "The gadget is upgrading.",
            "A task is still running on the gadget.",
            "Another task holds the lock; acquire the lock failed.",
        ] {
            assert!(tags(text).has(Tag::Temporary), "{text:?}: {}", tags(text));
        }
    }

    #[test]
    fn temporary_in_chinese() {
        for text in [
            "系统繁忙。",
            "部件正在创建中。",
            "迁移中，请等待。",
            "部件未就绪。",
            "部件升级中。",
            "任务执行中。",
            "锁冲突。",
        ] {
            assert!(tags(text).has(Tag::Temporary), "{text:?}: {}", tags(text));
        }
    }

    #[test]
    fn act_first_then_retry_is_no_passing_condition() {
        for text in [
            "The gadget name is odd. Please check and try again.",
            "Correct it and retry later.",
            "Fix the port, then try again.",
            "Modify the gadget settings before you retry.",
            "请检查后重试。",
            "请修改参数后重试。",
            "请确认后再重试。",
        ] {
            let t = tags(text);
            assert!(!t.has(Tag::Temporary), "{text:?}: {t}");
            assert!(t.has(Tag::FixRequest), "{text:?}: {t}");
        }
        // "Temporarily not supported" lasts; "in use" is a holder.
        for text in [
            "Gadgets are temporarily not supported here.",
            "暂不支持该部件。",
            "The gadget is being used by another product.",
            "部件正在使用中。",
        ] {
            assert!(!tags(text).has(Tag::Temporary), "{text:?}: {}", tags(text));
        }
        // A running state, a config centre, an isolated resource.
        for text in [
            "Only gadgets in the running state accept this.",
            "访问配置中心失败。",
            "处于隔离中的部件不能操作。",
        ] {
            assert!(!tags(text).has(Tag::Temporary), "{text:?}: {}", tags(text));
        }
    }

    #[test]
    fn one_tag_each() {
        assert_tags(
            "Requests for gadgets arrive too frequently.",
            &[Tag::RateLimit],
        );
        assert_tags("请求过多，触发限流。", &[Tag::RateLimit]);
        assert_tags("The gadget service hit an internal error.", &[Tag::Fault]);
        assert_tags("The call timed out.", &[Tag::Fault]);
        assert_tags("系统异常。", &[Tag::Fault, Tag::Failed]);
        assert_tags("The gadget does not exist.", &[Tag::NotFound]);
        assert_tags("部件不存在。", &[Tag::NotFound]);
        assert_tags("A gadget with that name already exists.", &[Tag::Exists]);
        assert_tags("部件已存在。", &[Tag::Exists]);
        assert_tags(
            "Gadgets of this kind are not supported.",
            &[Tag::Unsupported],
        );
        assert_tags("不支持该部件。", &[Tag::Unsupported]);
        assert_tags("You have no permission for gadgets.", &[Tag::NoPermission]);
        assert_tags("没有操作部件的权限。", &[Tag::NoPermission]);
        assert_tags("The account is in arrears.", &[Tag::Billing]);
        assert_tags("账户余额不足。", &[Tag::Billing]);
        assert_tags("The gadget quota is used up.", &[Tag::CountLimit]);
        assert_tags("部件数量已达上限。", &[Tag::CountLimit]);
        assert_tags("The gadget ID is invalid.", &[Tag::FixRequest]);
        assert_tags("部件名称格式错误。", &[Tag::FixRequest]);
        assert_tags("Nothing useful to say here.", &[]);
        assert_tags("", &[]);
    }

    #[test]
    fn tags_round_trip_as_text() {
        let all: Tags = Tag::ALL.into_iter().collect();
        assert_eq!(Tags::parse(&all.to_string()), Ok(all));
        assert_eq!(Tags::parse(""), Ok(Tags::default()));
        assert!(Tags::parse("sometimes").is_err());
        // Written as identifiers, never as words of a sentence.
        assert!(!all.to_string().contains(' '));
    }
}
