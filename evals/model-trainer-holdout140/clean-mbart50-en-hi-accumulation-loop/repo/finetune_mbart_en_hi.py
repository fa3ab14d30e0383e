"""mBART-50 en->hi fine-tuning on IITB with gradient accumulation and periodic dev evaluation."""
import argparse

import sacrebleu
import torch
from datasets import load_dataset
from torch.utils.data import DataLoader
from transformers import (AutoModelForSeq2SeqLM, DataCollatorForSeq2Seq, MBart50TokenizerFast,
                          get_polynomial_decay_schedule_with_warmup, set_seed)

ap = argparse.ArgumentParser()
ap.add_argument("--model", default="facebook/mbart-large-50-many-to-many-mmt")
ap.add_argument("--micro_bsz", type=int, default=8)
ap.add_argument("--accum", type=int, default=8)
ap.add_argument("--lr", type=float, default=3e-5)
ap.add_argument("--max_updates", type=int, default=20000)
ap.add_argument("--eval_every", type=int, default=1000)
ap.add_argument("--seed", type=int, default=222)
ap.add_argument("--out", default="ckpt/mbart50-en-hi")
args = ap.parse_args()

set_seed(args.seed)
device = torch.device("cuda")
tok = MBart50TokenizerFast.from_pretrained(args.model, src_lang="en_XX", tgt_lang="hi_IN")
model = AutoModelForSeq2SeqLM.from_pretrained(args.model).to(device)
iitb = load_dataset("cfilt/iitb-english-hindi")


def prep(batch):
    en = [t["en"] for t in batch["translation"]]
    hi = [t["hi"] for t in batch["translation"]]
    return tok(en, text_target=hi, max_length=200, truncation=True)


train = iitb["train"].map(prep, batched=True, remove_columns=["translation"], num_proc=8)
collate = DataCollatorForSeq2Seq(tok, model=model, pad_to_multiple_of=8)
loader = DataLoader(train, batch_size=args.micro_bsz, shuffle=True, collate_fn=collate, drop_last=True)

opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.0)
sched = get_polynomial_decay_schedule_with_warmup(opt, num_warmup_steps=2500, num_training_steps=args.max_updates)


def bleu(split, bs=32):
    src = [t["en"] for t in iitb[split]["translation"]]
    ref = [t["hi"] for t in iitb[split]["translation"]]
    model.eval()
    hyp = []
    with torch.inference_mode():
        for i in range(0, len(src), bs):
            enc = tok(src[i:i + bs], return_tensors="pt", padding=True, truncation=True, max_length=200).to(device)
            gen = model.generate(**enc, forced_bos_token_id=tok.lang_code_to_id["hi_IN"],
                                 num_beams=5, max_new_tokens=200)
            hyp += tok.batch_decode(gen, skip_special_tokens=True)
    return sacrebleu.corpus_bleu(hyp, [ref], tokenize="13a").score


updates, micro, best = 0, 0, -1.0
model.train()
opt.zero_grad(set_to_none=True)
while updates < args.max_updates:
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = model(**batch).loss / args.accum
        loss.backward()
        micro += 1
        if micro % args.accum != 0:
            continue
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        updates += 1

        if updates % args.eval_every == 0:
            dev_bleu = bleu("validation")
            print(f"update {updates}: loss {loss.item() * args.accum:.3f} dev BLEU {dev_bleu:.2f}", flush=True)
            if dev_bleu > best:
                best = dev_bleu
                model.save_pretrained(args.out)
                tok.save_pretrained(args.out)
            model.train()
        if updates >= args.max_updates:
            break

model = AutoModelForSeq2SeqLM.from_pretrained(args.out).to(device)
print(f"best dev BLEU {best:.2f} | test BLEU {bleu('test'):.2f}")
