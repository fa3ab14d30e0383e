"""Stage 1: train on train, evaluate every epoch on validation, record the best epoch count."""
import json
import os

from transformers import AutoModelForSeq2SeqLM, DataCollatorForSeq2Seq, Seq2SeqTrainer

from common import CFG, compute_metrics, load_splits, tokenizer, training_args

data = load_splits()
model = AutoModelForSeq2SeqLM.from_pretrained(CFG["model"])
args = training_args("runs/select", num_train_epochs=CFG["max_epochs"],
                     evaluation_strategy="epoch", save_strategy="no")
trainer = Seq2SeqTrainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["validation"],
                         tokenizer=tokenizer, data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
                         compute_metrics=compute_metrics)
trainer.train()

evals = [h for h in trainer.state.log_history if "eval_rouge2" in h]
best = max(evals, key=lambda h: h["eval_rouge2"])
os.makedirs(os.path.dirname(CFG["selection_file"]), exist_ok=True)
with open(CFG["selection_file"], "w") as f:
    json.dump({"best_epoch": int(round(best["epoch"])), "val_rouge2": best["eval_rouge2"], "history": evals}, f, indent=2)
print("best epoch on validation:", best["epoch"], best["eval_rouge2"])
