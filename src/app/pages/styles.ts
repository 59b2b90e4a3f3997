/**
 * The public pages' styles. No web fonts (the pages load nothing): the system's Chinese fonts.
 * The board is sized in viewport units, so a 1920×1080 projector gets letters the back row reads,
 * and it stacks into one column on a phone.
 */

const BASE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:#2b1d1d;background:#fbf7f2;line-height:1.6;overflow-wrap:anywhere}
a{color:#a31515}
a:focus-visible,button:focus-visible{outline:3px solid #e0a800;outline-offset:2px}
[hidden]{display:none!important}
`;

export const HONOURS_STYLE = `${BASE}
.masthead{background:linear-gradient(135deg,#b3121b,#7a0a10);color:#fff;padding:2.2rem 1rem 1.4rem;text-align:center;border-bottom:6px solid #e0a800}
.masthead .college{margin:0;font-size:1rem;letter-spacing:.2em;color:#ffe6a8}
.masthead h1{margin:.3rem 0 .8rem;font-size:clamp(1.6rem,4.5vw,2.8rem);letter-spacing:.12em;color:#ffd866;font-weight:800}
.years{display:flex;flex-wrap:wrap;gap:.5rem;justify-content:center}
.years a{color:#fff;text-decoration:none;border:1px solid rgba(255,230,168,.7);border-radius:999px;padding:.15rem .9rem;font-size:.95rem}
.years a:hover{background:rgba(255,255,255,.15)}
.wrap{max-width:1200px;margin:0 auto;padding:0 1rem}
.focus-bar{background:#fff4d6;border-bottom:1px solid #e8d59a;padding:.6rem 1rem;text-align:center;font-size:1rem}
.focus-bar a{margin-left:1rem;font-weight:700;display:inline-block}
body.focus .cards{grid-template-columns:minmax(0,720px);justify-content:center}
.year{padding:1.6rem 0 .6rem;border-bottom:1px solid #ead9c6}
.year h2{font-size:clamp(1.3rem,3vw,1.8rem);margin:.2rem 0 1rem;color:#7a0a10}
.year h2 small{font-size:.95rem;color:#7d6a5a;font-weight:400;margin-left:.6rem}
.year h3{font-size:1.2rem;margin:1.4rem 0 .8rem;color:#a31515;border-left:5px solid #e0a800;padding-left:.6rem}
.pending{background:#fff;border:1px dashed #d9bfa0;border-radius:10px;padding:1rem;color:#7d6a5a}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,340px),1fr));gap:1rem}
.card{background:#fff;border-radius:12px;border-top:5px solid #b3121b;box-shadow:0 2px 10px rgba(90,20,20,.08);padding:1rem 1.1rem 1.1rem;display:flex;flex-direction:column;gap:.35rem;scroll-margin-top:1rem}
.card.selected{outline:4px solid #e0a800}
.card-head{display:flex;justify-content:space-between;align-items:center;gap:.5rem;flex-wrap:wrap}
.rank{background:#b3121b;color:#fff;border-radius:999px;padding:.05rem .7rem;font-weight:700;font-size:.9rem}
.chip{color:#7a0a10;background:#fff1d0;border-radius:6px;padding:.05rem .5rem;font-size:.85rem}
.card h4{margin:.2rem 0 0;font-size:1.25rem;line-height:1.35}
.meta{margin:0;color:#6d5a4b;font-size:.92rem}
.score{margin:0;font-weight:700;color:#a31515}
.stars{display:flex;flex-wrap:wrap;gap:.25rem;margin:.2rem 0}
.month{display:flex;flex-direction:column;align-items:center;min-width:2.6rem;background:#fbf3ea;border-radius:6px;padding:.1rem .2rem;font-size:.75rem;color:#6d5a4b}
.month .s{color:#d48800;font-size:.7rem;letter-spacing:-.05em;min-height:1.1em}
.month.none .s{color:#c9b8a6}
.month.star-branch{background:#b3121b;color:#fff}
.month.star-branch .s{color:#ffd866}
.card h5{margin:.4rem 0 0;font-size:.95rem;color:#7a0a10}
.activities{margin:0;padding-left:1.1rem;font-size:.92rem}
.activities time,.activities .kind{color:#7d6a5a;font-size:.85rem;margin-right:.3rem}
.quiet{color:#8d7b6b;font-size:.9rem;margin:0}
.citation{margin:.5rem 0 0;padding:.6rem .8rem;background:#fff8e6;border-left:4px solid #e0a800;font-size:.92rem;color:#4a3426}
.share{align-self:flex-start;font-size:.88rem;margin-top:.3rem}
.members{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,300px),1fr));gap:1rem}
.member{background:#fff;border-radius:12px;border-top:5px solid #e0a800;padding:1rem;box-shadow:0 2px 10px rgba(90,20,20,.06)}
.member h4{margin:0;font-size:1.15rem}
.star-months{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,260px),1fr));gap:.5rem}
.star-months li{background:#fff;border-radius:8px;padding:.5rem .8rem;border-left:4px solid #b3121b}
.star-months .when{font-weight:700;color:#a31515;margin-right:.5rem}
footer{color:#8d7b6b;text-align:center;font-size:.85rem;padding:1.5rem 1rem 2rem}
body.focus .year:not(.has-selected){display:none}
body.focus .has-selected .card:not(.selected),body.focus .has-selected .members,body.focus .has-selected .star-months,body.focus .has-selected h3.hide-in-focus,body.focus .has-selected .pending{display:none}
@media print{.masthead{background:none;color:#000}.masthead h1{color:#a31515}.share,.years,.focus-bar{display:none}}
`;

export const BOARD_STYLE = `${BASE}
:root{--u:min(1vw,1.78vh)}
body{background:#fff;min-height:100vh;display:flex;flex-direction:column}
.bar{background:linear-gradient(135deg,#b3121b,#7a0a10);color:#fff;display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:calc(1.1*var(--u)) calc(2.2*var(--u));border-bottom:calc(.5*var(--u)) solid #e0a800;flex-wrap:wrap}
.bar .college{margin:0;color:#ffe6a8;font-size:max(14px,calc(1.2*var(--u)));letter-spacing:.1em;line-height:1.3}
.bar h1{margin:0;font-size:max(22px,calc(2.5*var(--u)));color:#ffd866;letter-spacing:.06em;line-height:1.25}
.status{font-size:max(16px,calc(1.6*var(--u)));font-weight:700;border-radius:999px;padding:.2em 1em;background:#1f7a3a;color:#fff;white-space:nowrap}
.status.closed{background:#e0a800;color:#3a2200}
.stage{flex:1;display:grid;grid-template-columns:minmax(0,1.8fr) minmax(0,1fr);align-content:start;gap:calc(1*var(--u)) calc(2.4*var(--u));padding:calc(1.1*var(--u)) calc(2.2*var(--u))}
.result{grid-column:1/-1;background:linear-gradient(135deg,#fff4d6,#ffe8a3);border:calc(.25*var(--u)) solid #e0a800;border-radius:calc(1*var(--u));padding:calc(.9*var(--u)) calc(1.8*var(--u));display:flex;align-items:baseline;column-gap:calc(2*var(--u));row-gap:.2em;flex-wrap:wrap}
.result .label{font-size:max(18px,calc(1.9*var(--u)));color:#7a0a10;font-weight:700}
.result .winner{font-size:max(26px,calc(3.4*var(--u)));font-weight:800;color:#b3121b;line-height:1.2}
.result .points{font-size:max(20px,calc(2.4*var(--u)));color:#3a2200;font-weight:800;white-space:nowrap}
.result .note{flex-basis:100%;font-size:max(12px,calc(.9*var(--u)));color:#6d5a4b;margin:0;line-height:1.3}
.list h2{margin:0 0 calc(.6*var(--u));font-size:max(16px,calc(1.5*var(--u)));color:#7a0a10;letter-spacing:.1em}
.presenters{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:calc(.7*var(--u))}
.presenter{display:grid;grid-template-columns:minmax(0,1fr) auto;column-gap:calc(1.5*var(--u));align-items:center;background:#fbf7f2;border-radius:calc(.8*var(--u));padding:calc(.55*var(--u)) calc(1.3*var(--u));border-left:calc(.5*var(--u)) solid #b3121b}
.presenter.spot{border-left-color:#8d7b6b}
.presenter.star{background:#fff4d6;border-left-color:#e0a800}
.presenter .name{grid-column:1;font-size:max(19px,calc(2.05*var(--u)));font-weight:800;line-height:1.25;margin:0}
.presenter .unit{grid-column:1;font-size:max(13px,calc(1*var(--u)));color:#6d5a4b;margin:0;line-height:1.3}
.presenter .why{display:inline-block;font-size:max(12px,calc(1*var(--u)));font-weight:700;border-radius:.4em;padding:0 .5em;margin-right:.6em;vertical-align:.2em;background:#b3121b;color:#fff}
.presenter.spot .why{background:#6d5a4b}
.presenter .count,.presenter .score{grid-column:2;grid-row:1;font-size:max(22px,calc(2.7*var(--u)));line-height:1.15;font-weight:800;color:#b3121b;text-align:right;white-space:nowrap}
.presenter .score{color:#3a2200}
.presenter.star .score{color:#b3121b}
.presenter .score.none{font-size:max(14px,calc(1.3*var(--u)));color:#8d7b6b}
.presenter .track{grid-column:1/-1;height:calc(.55*var(--u));min-height:5px;background:#efe3d3;border-radius:999px;overflow:hidden;margin-top:calc(.3*var(--u))}
.presenter .fill{height:100%;width:0;background:linear-gradient(90deg,#e0a800,#b3121b);transition:width .6s ease}
.side{display:flex;flex-direction:column;align-items:center;gap:calc(.8*var(--u));text-align:center;min-width:0}
.qr-box{background:#fff;border:calc(.25*var(--u)) solid #b3121b;border-radius:calc(1*var(--u));padding:calc(1*var(--u));width:min(100%,calc(21*var(--u)));min-width:180px}
.qr{display:block;width:100%;height:auto}
.scan{font-size:max(22px,calc(2.7*var(--u)));font-weight:800;color:#b3121b;margin:0;line-height:1.2}
.link{font-size:max(11px,calc(.85*var(--u)));color:#6d5a4b;margin:0;max-width:100%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.voters{font-size:max(18px,calc(2*var(--u)));font-weight:700;color:#2b1d1d;margin:0}
.late{font-size:max(12px,calc(1*var(--u)));color:#6d5a4b;margin:0}
.empty{grid-column:1/-1;font-size:max(20px,calc(2.4*var(--u)));color:#6d5a4b;text-align:center;padding:8vh 0}
.foot{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:calc(.6*var(--u)) calc(2.2*var(--u)) calc(1*var(--u));color:#8d7b6b;font-size:max(12px,calc(.95*var(--u)));flex-wrap:wrap}
.close{font:inherit;font-size:max(14px,calc(1.2*var(--u)));font-weight:700;background:#7a0a10;color:#fff;border:0;border-radius:.5em;padding:.5em 1.2em;cursor:pointer}
.close.armed{background:#e0a800;color:#3a2200}
.close:disabled{opacity:.6;cursor:default}
.message{color:#a31515;font-weight:700}
@media (max-width:800px){
:root{--u:2.2vw}
.stage{grid-template-columns:minmax(0,1fr);padding:1rem}
.side{order:-1}
.qr-box{width:min(70vw,320px)}
.bar{padding:.8rem 1rem}
}
/* Printed: a poster of the vote form's QR code (after the phone rules a page may also match). */
@media print{
.list,.result,.foot,.voters,.late,.status{display:none!important}
.bar{background:none;color:#000;border-bottom:2px solid #b3121b}
.bar h1{color:#b3121b}.bar .college{color:#000}
.stage{display:block;padding:2cm 0;text-align:center}
.side{gap:.6cm}
.qr-box{width:12cm;border-width:2px;border-radius:8px;padding:.6cm}
.scan{font-size:32pt}
.link{font-size:11pt;white-space:normal;word-break:break-all;overflow:visible}
}
`;
