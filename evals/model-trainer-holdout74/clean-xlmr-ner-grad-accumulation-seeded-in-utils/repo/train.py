"""Fine-tune XLM-R for Polish NER with gradient accumulation.

    python train.py config.json
"""
import json
import math
import sys
from pathlib import Path

import torch
from torch.utils.data import DataLoader
from transformers import AutoModelForTokenClassification, AutoTokenizer, DataCollatorForTokenClassification
from transformers import get_linear_schedule_with_warmup

from ner_train.data import TokenClassificationDataset, read_jsonl
from ner_train.evaluate import evaluate, memorisation_baseline
from ner_train.utils import init_tracking, load_config, set_seed


def main(cfg_path):
    cfg = load_config(cfg_path)
    generator = set_seed(cfg["seed"])
    run = init_tracking(cfg)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    label2id = {l: i for i, l in enumerate(cfg["labels"])}
    id2label = {i: l for l, i in label2id.items()}
    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    collator = DataCollatorForTokenClassification(tokenizer)
    rows = {split: read_jsonl(cfg[f"{split}_file"]) for split in ("train", "dev", "test")}
    ds = {k: TokenClassificationDataset(v, tokenizer, label2id, cfg["max_length"]) for k, v in rows.items()}
    train_dl = DataLoader(ds["train"], batch_size=cfg["batch_size"], shuffle=True, collate_fn=collator, generator=generator)
    dev_dl = DataLoader(ds["dev"], batch_size=32, collate_fn=collator)
    test_dl = DataLoader(ds["test"], batch_size=32, collate_fn=collator)

    model = AutoModelForTokenClassification.from_pretrained(
        cfg["model_name"], num_labels=len(label2id), id2label=id2label, label2id=label2id
    ).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    accum = cfg["grad_accum_steps"]
    updates = math.ceil(len(train_dl) / accum) * cfg["epochs"]
    scheduler = get_linear_schedule_with_warmup(optimizer, int(cfg["warmup_ratio"] * updates), updates)

    best_dir = Path(cfg["output_dir"]) / "best"
    best_f1, stale = -1.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for step, batch in enumerate(train_dl):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / accum
            loss.backward()
            if (step + 1) % accum == 0 or step + 1 == len(train_dl):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)
        dev = evaluate(model, dev_dl, id2label, device)
        print(f"epoch {epoch} dev {json.dumps(dev)}")
        if run:
            run.log({f"dev/{k}": v for k, v in dev.items()} | {"epoch": epoch})
        if dev["f1"] > best_f1:
            best_f1, stale = dev["f1"], 0
            model.save_pretrained(best_dir)
            tokenizer.save_pretrained(best_dir)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model = AutoModelForTokenClassification.from_pretrained(best_dir).to(device)
    results = {
        "best_dev_f1": best_f1,
        "test": evaluate(model, test_dl, id2label, device),
        "test_memorisation_baseline": memorisation_baseline(rows["train"], rows["test"]),
    }
    print(json.dumps(results, indent=2))
    (Path(cfg["output_dir"]) / "results.json").write_text(json.dumps(results, indent=2))
    if run:
        run.finish()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")
