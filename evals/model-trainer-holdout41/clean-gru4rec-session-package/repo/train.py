"""Session-based next-click recommendation (GRU4Rec-style, full softmax)."""
import argparse

import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from sessrec.data import PrefixDataset, build_vocab, load_sessions, split_by_day
from sessrec.evaluate import popularity_recall, recall_mrr
from sessrec.model import GRU4Rec
from sessrec.utils import EarlyStopper, save_checkpoint, set_seed


def main(args):
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    clicks = load_sessions(args.clicks)
    train_c, valid_c, test_c = split_by_day(clicks)
    vocab = build_vocab(train_c)
    train_ds = PrefixDataset(train_c, vocab, args.max_len)
    valid_ds = PrefixDataset(valid_c, vocab, args.max_len)
    test_ds = PrefixDataset(test_c, vocab, args.max_len)
    g = torch.Generator().manual_seed(args.seed)
    train_dl = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, generator=g)
    valid_dl = DataLoader(valid_ds, batch_size=2048)
    test_dl = DataLoader(test_ds, batch_size=2048)
    print(f"items={len(vocab):,} train={len(train_ds):,} valid={len(valid_ds):,} test={len(test_ds):,}")

    model = GRU4Rec(len(vocab) + 1, args.emb_dim, args.hidden, args.dropout).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    criterion = nn.CrossEntropyLoss()
    stopper = EarlyStopper(patience=args.patience)

    for epoch in range(1, args.epochs + 1):
        model.train()
        epoch_loss = 0.0
        for seq, target in train_dl:
            seq, target = seq.to(device), target.to(device)
            optimizer.zero_grad(set_to_none=True)
            loss = criterion(model(seq), target)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            epoch_loss += loss.item() * len(target)
        val_recall, val_mrr = recall_mrr(model, valid_dl, device)
        print(f"epoch {epoch} loss {epoch_loss / len(train_ds):.4f} val R@20 {val_recall:.4f} MRR@20 {val_mrr:.4f}")
        if stopper.step(val_mrr):
            save_checkpoint(model, optimizer, epoch, val_mrr, args.ckpt)
        if stopper.should_stop:
            print(f"no improvement for {args.patience} epochs, stopping")
            break

    state = torch.load(args.ckpt, map_location=device)
    model.load_state_dict(state["model"])
    test_recall, test_mrr = recall_mrr(model, test_dl, device)
    pop = popularity_recall(train_ds.targets, test_dl)
    print(f"best epoch {state['epoch']}: test R@20 {test_recall:.4f} MRR@20 {test_mrr:.4f} | popularity R@20 {pop:.4f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--clicks", required=True)
    ap.add_argument("--ckpt", default="checkpoints/gru4rec.pt")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch-size", type=int, default=512)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--emb-dim", type=int, default=128)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--dropout", type=float, default=0.25)
    ap.add_argument("--max-len", type=int, default=20)
    ap.add_argument("--patience", type=int, default=3)
    main(ap.parse_args())
