import os
from collections import Counter

import torch
import wandb
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader

from intentcls import settings as S
from intentcls.data import IntentDataset, Vocab, collate, load_splits
from intentcls.engine import evaluate, train_one_epoch
from intentcls.model import BagOfEmbeddings


def main():
    wandb.login(key=S.WANDB_API_KEY)
    run = wandb.init(project=S.WANDB_PROJECT, entity=S.WANDB_ENTITY,
                     config={k: v for k, v in vars(S).items() if k.isupper() and "KEY" not in k})
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_df, val_df, test_df = load_splits(S.DATA_CSV, S.VAL_FRAC, S.TEST_FRAC)
    vocab = Vocab(train_df["utterance"], S.MAX_VOCAB, S.MIN_FREQ)
    intents = sorted(train_df["intent"].unique())
    label2id = {l: i for i, l in enumerate(intents)}

    loaders = {
        name: DataLoader(IntentDataset(frame, vocab, label2id), batch_size=S.BATCH_SIZE,
                         shuffle=(name == "train"), collate_fn=collate)
        for name, frame in [("train", train_df), ("val", val_df), ("test", test_df)]
    }

    majority = Counter(train_df["intent"]).most_common(1)[0][0]
    maj_pred = [majority] * len(val_df)
    print("majority baseline val acc %.4f macro-F1 %.4f" % (
        accuracy_score(val_df["intent"], maj_pred), f1_score(val_df["intent"], maj_pred, average="macro")))

    model = BagOfEmbeddings(len(vocab), S.EMB_DIM, S.HIDDEN, len(intents), S.DROPOUT).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=S.LR)
    loss_fn = torch.nn.CrossEntropyLoss()

    os.makedirs(S.CKPT_DIR, exist_ok=True)
    best_path = os.path.join(S.CKPT_DIR, "bag_best.pt")
    best_f1, stale = -1.0, 0
    for epoch in range(S.EPOCHS):
        tr_loss = train_one_epoch(model, loaders["train"], optimizer, loss_fn, device)
        val = evaluate(model, loaders["val"], loss_fn, device)
        wandb.log({"epoch": epoch, "train_loss": tr_loss, **{f"val_{k}": v for k, v in val.items()}})
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            torch.save(model.state_dict(), best_path)
        else:
            stale += 1
            if stale >= S.PATIENCE:
                break

    model.load_state_dict(torch.load(best_path))
    test = evaluate(model, loaders["test"], loss_fn, device)
    wandb.summary.update({f"test_{k}": v for k, v in test.items()})
    print("test", test)
    run.finish()


if __name__ == "__main__":
    main()
