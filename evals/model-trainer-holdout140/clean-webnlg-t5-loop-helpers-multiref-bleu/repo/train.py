"""WebNLG 2020 (EN) data-to-text with t5-base; multi-reference BLEU on dev/test."""
import yaml
import torch
from datasets import load_dataset
from torch.utils.data import DataLoader
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq, get_linear_schedule_with_warmup

from utils import generate_and_score, linearise, seed_everything

cfg = yaml.safe_load(open("config.yaml"))
seed_everything(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

tok = AutoTokenizer.from_pretrained(cfg["model_name"])
tok.add_tokens(["<S>", "<P>", "<O>"])
model = AutoModelForSeq2SeqLM.from_pretrained(cfg["model_name"])
model.resize_token_embeddings(len(tok))
model.to(device)

ds = load_dataset(*cfg["dataset"])


def encode(batch):
    enc = tok([linearise(t) for t in batch["input"]], max_length=cfg["max_source_length"], truncation=True)
    enc["labels"] = tok(text_target=batch["target"], max_length=cfg["max_target_length"], truncation=True)["input_ids"]
    return enc


train = ds["train"].map(encode, batched=True, remove_columns=ds["train"].column_names)
loader = DataLoader(train, batch_size=cfg["batch_size"], shuffle=True,
                    collate_fn=DataCollatorForSeq2Seq(tok, model=model))
dev_src = [linearise(t) for t in ds["validation"]["input"]]
dev_refs = ds["validation"]["references"]

opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
sched = get_linear_schedule_with_warmup(opt, 500, cfg["epochs"] * len(loader))
best, stale = -1.0, 0

for epoch in range(cfg["epochs"]):
    model.train()
    total = 0.0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        out.loss.backward()
        opt.step()
        sched.step()
        opt.zero_grad()
        total += out.loss.item()
    scores, _ = generate_and_score(model, tok, dev_src, dev_refs, cfg, device)
    print(f"epoch {epoch} loss {total / len(loader):.4f} dev {scores}")
    if scores["bleu"] > best:
        best, stale = scores["bleu"], 0
        model.save_pretrained(cfg["ckpt_dir"])
        tok.save_pretrained(cfg["ckpt_dir"])
    else:
        stale += 1
        if stale >= cfg["patience"]:
            print("early stop")
            break

model = AutoModelForSeq2SeqLM.from_pretrained(cfg["ckpt_dir"]).to(device)
test_src = [linearise(t) for t in ds["test"]["input"]]
test_scores, _ = generate_and_score(model, tok, test_src, ds["test"]["references"], cfg, device)
print("test:", test_scores)
