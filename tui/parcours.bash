# bash completion for parcours
_parcours()
{
	local cur prev words cword
	_init_completion || return
	local commands="attention reminders list export consolidate letter letters templates import backup restore dump load
		check journal reassign transfer-out transfer-in access erase purge hold init demo check-config"
	local global="--db --config --today --referent --demo --help --version"
	case $prev in
	--shared) COMPREPLY=($(compgen -g -- "$cur")); return ;;
	--db | --output-dir) _filedir -d; return ;;
	--config | --output | import | load | backup | restore | check-config)
		_filedir; return ;;
	--format)
		case " ${words[*]} " in
		*" export "*) COMPREPLY=($(compgen -W "csv json md html fse ics" -- "$cur")) ;;
		*" consolidate "*) COMPREPLY=($(compgen -W "csv json md html" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "text tsv" -- "$cur")) ;;
		esac
		return ;;
	--delimiter) COMPREPLY=($(compgen -W "comma semicolon tab" -- "$cur")); return ;;
	--today | --from | --to | --exited-before | --referent | --participants | --seed | --appointment | --participant | --since)
		return ;;
	esac
	local cmd="" w
	for w in "${words[@]:1:cword-1}"; do
		case " $commands " in *" $w "*) cmd=$w; break ;; esac
	done
	local opts
	case $cmd in
	"") opts="$global $commands" ;;
	attention) opts="--all --format --help" ;;
	reminders) opts="--days --all --format --channel --output --mark --help" ;;
	list) opts="--all --exited --format --help" ;;
	export) opts="--format --output --all --from --to --pseudonymise --with-sensitive --strict --indicators --delimiter --names --help" ;;
	consolidate) opts="--format --output --help"
		[[ $cur == -* ]] || { _filedir json; return; } ;;
	letter) opts="--appointment --output --help" ;;
	letters) opts="--from --to --all --again --output-dir --output --help" ;;
	import) opts="--dry-run --help" ;;
	dump) opts="--output --salvage --help" ;;
	erase) opts="--force --help" ;;
	purge) opts="--exited-before --dry-run --help" ;;
	hold) opts="--off --help" ;;
	init) opts="--shared --help" ;;
	journal) opts="--participant --since --format --help" ;;
	reassign) opts="--from --to --help" ;;
	transfer-out) opts="--output --help" ;;
	transfer-in) opts="--help" ;;
	demo) opts="--participants --seed --help" ;;
	check) opts="--reindex --help" ;;
	*) opts="--help" ;;
	esac
	COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -F _parcours parcours
