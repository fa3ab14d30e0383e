import json

import numpy as np
import pandas as pd
import sacrebleu
import sentencepiece as spm
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader
from transformers import MarianConfig, MarianMTModel, get_inverse_sqrt_schedule, set_seed

cfg = json.load(open("config.json"))
set_seed(cfg["seed"])
W, M, T = cfg["work_dir"], cfg["model"], cfg["train"]
dev = "cuda"
sp = spm.SentencePieceProcessor(model_file=f"{W}/spm.model")
PAD, EOS = sp.pad_id(), sp.eos_id()


def read(name):
    df = pd.read_csv(f"{W}/{name}.tsv", sep="\t", quoting=3, dtype=str)
    return df.en.tolist(), df.yo.tolist()


def ids(texts):
    return [x[: M["max_len"] - 1] + [EOS] for x in sp.encode(texts)]


def batchify(items):
    s = pad_sequence([torch.tensor(a) for a, _ in items], batch_first=True, padding_value=PAD)
    t = pad_sequence([torch.tensor(b) for _, b in items], batch_first=True, padding_value=-100)
    return s, t


tr_src, tr_tgt = read("train")
dv_src, dv_tgt = read("dev")
loader = DataLoader(list(zip(ids(tr_src), ids(tr_tgt))), batch_size=T["batch_size"], shuffle=True, collate_fn=batchify)

conf = MarianConfig(vocab_size=sp.get_piece_size(), d_model=M["d_model"], encoder_layers=M["layers"],
                    decoder_layers=M["layers"], encoder_attention_heads=M["heads"], decoder_attention_heads=M["heads"],
                    encoder_ffn_dim=M["ffn"], decoder_ffn_dim=M["ffn"], dropout=M["dropout"],
                    max_position_embeddings=M["max_len"] + 2, pad_token_id=PAD, eos_token_id=EOS,
                    decoder_start_token_id=PAD, forced_eos_token_id=EOS)
model = MarianMTModel(conf).to(dev)
opt = torch.optim.AdamW(model.parameters(), lr=T["lr"], betas=(0.9, 0.98))
sched = get_inverse_sqrt_schedule(opt, num_warmup_steps=T["warmup"])


def decode(src_texts, bs=200):
    model.eval()
    hyps = []
    with torch.no_grad():
        for i in range(0, len(src_texts), bs):
            s, _ = batchify([(x, [EOS]) for x in ids(src_texts[i:i + bs])])
            s = s.to(dev)
            out = model.generate(input_ids=s, attention_mask=(s != PAD).long(), num_beams=5, max_new_tokens=M["max_len"])
            hyps += [sp.decode([t for t in o.tolist() if t not in (PAD, EOS)]) for o in out]
    return hyps


best, bad = -1.0, 0
for ep in range(T["epochs"]):
    model.train()
    losses = []
    for s, t in loader:
        s, t = s.to(dev), t.to(dev)
        loss = model(input_ids=s, attention_mask=(s != PAD).long(), labels=t).loss
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        losses.append(loss.item())
    bleu = sacrebleu.corpus_bleu(decode(dv_src), [dv_tgt]).score
    print(f"ep {ep} train_loss {np.mean(losses):.3f} dev_bleu {bleu:.2f}")
    if bleu > best:
        best, bad = bleu, 0
        model.save_pretrained(f"{W}/ckpt")
    else:
        bad += 1
        if bad >= T["patience"]:
            break

model = MarianMTModel.from_pretrained(f"{W}/ckpt").to(dev)
te_src, te_tgt = read("test")
hyp = decode(te_src)
print("test", sacrebleu.corpus_bleu(hyp, [te_tgt]), sacrebleu.corpus_chrf(hyp, [te_tgt]))
