"""Character-level BiLSTM-CTC acoustic model on LibriSpeech train-clean-100."""
import argparse
import random
from pathlib import Path

import jiwer
import numpy as np
import torch
import torch.nn as nn
import torchaudio
from torch.utils.data import DataLoader

VOCAB = ["<blank>", " ", "'"] + [chr(c) for c in range(ord("a"), ord("z") + 1)]
CHAR2IDX = {c: i for i, c in enumerate(VOCAB)}


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class Featurizer:
    def __init__(self, train):
        self.mel = torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=400, hop_length=160, n_mels=80)
        self.train = train
        self.masks = nn.Sequential(
            torchaudio.transforms.FrequencyMasking(freq_mask_param=27),
            torchaudio.transforms.TimeMasking(time_mask_param=40),
        )

    def __call__(self, wav):
        feats = torch.log(self.mel(wav) + 1e-6)
        feats = (feats - feats.mean(dim=-1, keepdim=True)) / (feats.std(dim=-1, keepdim=True) + 1e-5)
        if self.train:
            feats = self.masks(feats)
        return feats.squeeze(0).transpose(0, 1)


def make_collate(featurizer):
    def collate(batch):
        feats, targets, feat_lens, tgt_lens, texts = [], [], [], [], []
        for wav, _, transcript, *_ in batch:
            text = transcript.lower()
            f = featurizer(wav)
            t = torch.tensor([CHAR2IDX[c] for c in text if c in CHAR2IDX])
            feats.append(f)
            targets.append(t)
            feat_lens.append(f.shape[0])
            tgt_lens.append(len(t))
            texts.append(text)
        feats = nn.utils.rnn.pad_sequence(feats, batch_first=True)
        return feats, torch.cat(targets), torch.tensor(feat_lens), torch.tensor(tgt_lens), texts
    return collate


class BiLSTMCTC(nn.Module):
    def __init__(self, n_mels=80, hidden=320, layers=4, dropout=0.25):
        super().__init__()
        self.subsample = nn.Sequential(
            nn.Conv1d(n_mels, hidden, kernel_size=3, stride=2, padding=1),
            nn.BatchNorm1d(hidden),
            nn.GELU(),
        )
        self.rnn = nn.LSTM(hidden, hidden, num_layers=layers, dropout=dropout,
                           bidirectional=True, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(2 * hidden, len(VOCAB))

    def forward(self, x, lengths):
        x = self.subsample(x.transpose(1, 2)).transpose(1, 2)
        lengths = (lengths + 1) // 2
        x, _ = self.rnn(x)
        return self.out(self.drop(x)).log_softmax(dim=-1), lengths


def greedy_decode(log_probs, lengths):
    hyps = []
    for seq, n in zip(log_probs.argmax(-1), lengths):
        prev, chars = None, []
        for idx in seq[:n].tolist():
            if idx != prev and idx != 0:
                chars.append(VOCAB[idx])
            prev = idx
        hyps.append("".join(chars).strip())
    return hyps


def evaluate(model, loader, device):
    hyps, refs = [], []
    with torch.no_grad():
        for feats, _, feat_lens, _, texts in loader:
            log_probs, out_lens = model(feats.to(device), feat_lens.to(device))
            hyps.extend(greedy_decode(log_probs.cpu(), out_lens.cpu()))
            refs.extend(texts)
    return jiwer.wer(refs, hyps), jiwer.cer(refs, hyps)


def main(args):
    seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    root = Path(args.data_root)
    train_set = torchaudio.datasets.LIBRISPEECH(root, url="train-clean-100", download=False)
    dev_set = torchaudio.datasets.LIBRISPEECH(root, url="dev-clean", download=False)
    test_set = torchaudio.datasets.LIBRISPEECH(root, url="test-clean", download=False)

    train_dl = DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=6,
                          collate_fn=make_collate(Featurizer(train=True)))
    eval_collate = make_collate(Featurizer(train=False))
    dev_dl = DataLoader(dev_set, batch_size=32, num_workers=4, collate_fn=eval_collate)
    test_dl = DataLoader(test_set, batch_size=32, num_workers=4, collate_fn=eval_collate)

    model = BiLSTMCTC().to(device)
    ctc_loss = nn.CTCLoss(blank=0, zero_infinity=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-2)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, total_steps=args.epochs * len(train_dl), pct_start=0.1)

    best_wer, patience = float("inf"), 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for step, (feats, targets, feat_lens, tgt_lens, _) in enumerate(train_dl):
            log_probs, out_lens = model(feats.to(device), feat_lens.to(device))
            loss = ctc_loss(log_probs.transpose(0, 1), targets, out_lens.cpu(), tgt_lens)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()
            if step % 200 == 0:
                print(f"epoch {epoch} step {step} ctc {running / (step + 1):.3f}")

        dev_wer, dev_cer = evaluate(model, dev_dl, device)
        print(f"epoch {epoch}: dev WER {dev_wer:.4f} CER {dev_cer:.4f}")
        if dev_wer < best_wer:
            best_wer, patience = dev_wer, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            patience += 1
            if patience >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    test_wer, test_cer = evaluate(model, test_dl, device)
    print(f"test-clean WER {test_wer:.4f} CER {test_cer:.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data-root", default="/data/librispeech")
    p.add_argument("--ckpt", default="bilstm_ctc_best.pt")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch-size", type=int, default=24)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--patience", type=int, default=4)
    p.add_argument("--seed", type=int, default=7)
    main(p.parse_args())
