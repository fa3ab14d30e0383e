"""Train a Transformer-base EN->SW model from scratch on the prepared data."""
import random

import numpy as np
import pandas as pd
import sacrebleu
import sentencepiece as spm
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader
from transformers import MarianConfig, MarianMTModel, get_inverse_sqrt_schedule

DATA = "data/prepared"
SEED, EPOCHS, BSZ, MAX_LEN = 11, 30, 64, 128
random.seed(SEED); np.random.seed(SEED); torch.manual_seed(SEED)
device = "cuda"

sp = spm.SentencePieceProcessor(model_file=f"{DATA}/spm_ensw.model")
PAD, EOS = sp.pad_id(), sp.eos_id()


def load(name):
    df = pd.read_csv(f"{DATA}/{name}.tsv", sep="\t", quoting=3)
    return df.en.tolist(), df.sw.tolist()


def encode(texts):
    return [ids[:MAX_LEN - 1] + [EOS] for ids in sp.encode(texts)]


def collate(batch):
    src = pad_sequence([torch.tensor(s) for s, _ in batch], batch_first=True, padding_value=PAD)
    tgt = pad_sequence([torch.tensor(t) for _, t in batch], batch_first=True, padding_value=-100)
    return src, (src != PAD).long(), tgt


tr_en, tr_sw = load("train")
dev_en, dev_sw = load("dev")
train_dl = DataLoader(list(zip(encode(tr_en), encode(tr_sw))), batch_size=BSZ, shuffle=True, collate_fn=collate)

config = MarianConfig(vocab_size=sp.get_piece_size(), d_model=512, encoder_layers=6, decoder_layers=6,
                      encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=2048,
                      decoder_ffn_dim=2048, dropout=0.1, max_position_embeddings=MAX_LEN + 2,
                      pad_token_id=PAD, eos_token_id=EOS, decoder_start_token_id=PAD,
                      forced_eos_token_id=EOS, share_encoder_decoder_embeddings=True)
model = MarianMTModel(config).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=5e-4, betas=(0.9, 0.98), weight_decay=0.0001)
sched = get_inverse_sqrt_schedule(opt, num_warmup_steps=4000)


@torch.no_grad()
def translate(sentences, beams=5, bs=128):
    model.eval()
    out = []
    for i in range(0, len(sentences), bs):
        src, mask, _ = collate([(s, [EOS]) for s in encode(sentences[i:i + bs])])
        gen = model.generate(input_ids=src.to(device), attention_mask=mask.to(device),
                             num_beams=beams, max_new_tokens=MAX_LEN)
        out += [sp.decode([t for t in g.tolist() if t not in (PAD, EOS)]) for g in gen]
    return out


best = 0.0
for epoch in range(EPOCHS):
    model.train()
    for step, (src, mask, tgt) in enumerate(train_dl):
        loss = model(input_ids=src.to(device), attention_mask=mask.to(device), labels=tgt.to(device)).loss
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
    dev_bleu = sacrebleu.corpus_bleu(translate(dev_en), [dev_sw]).score
    print(f"epoch {epoch:02d} loss {loss.item():.3f} dev BLEU {dev_bleu:.2f}")
    if dev_bleu > best:
        best = dev_bleu
        model.save_pretrained("checkpoints/ensw-base")

model = MarianMTModel.from_pretrained("checkpoints/ensw-base").to(device)
te_en, te_sw = load("test")
hyps = translate(te_en)
print(f"test BLEU {sacrebleu.corpus_bleu(hyps, [te_sw]).score:.2f}  chrF {sacrebleu.corpus_chrf(hyps, [te_sw]).score:.2f}")
