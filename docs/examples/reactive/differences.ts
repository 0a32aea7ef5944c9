/**
 * The deliberate differences from charms.reactive (docs/reactive.md), one class each; the page
 * quotes the regions, differences.check.test.ts dispatches them and checks what the page claims.
 */
import { clearFlag, hook, registerTrigger, setFlag, when, whenFileChanged, whenNot } from 'rxcharm';

/** 1. Setting a flag also re-tests the rest of the iteration. */
export class SetRetests {
  // #region set-retests
  @whenNot('installed') install() { setFlag('installed'); }
  @whenNot('installed') fallback() { }   // charms.reactive: runs; rxcharm: skipped
  // #endregion
}

/** 2. Clearing an unset flag changes nothing. */
export class ClearUnset {
  // #region clear-unset
  @when('go') cleanup() { clearFlag('never-set'); }  // no flag.cleared event, no re-test
  // #endregion
}

/** 4. Predicates are pure. */
export class FileWatch {
  // #region file-changed
  @when('go') @whenFileChanged('/etc/app.conf') restart() { }  // works in either decorator order
  // #endregion
}

/** 4. The same handler with the decorators the other way round. */
export class FileWatchReversed {
  @whenFileChanged('/etc/app.conf') @when('go') restart() { }
}

/** 5. `@hook` combines with flag conditions. */
export class HookAndFlag {
  // #region hook-and-flag
  @hook('config-changed') @when('app.started') reconfigure() { }  // runs on config-changed if started
  // #endregion
}

/** 9. Triggers fire in registration order, trigger by trigger. */
export class TriggerOrder {
  @when('go') @whenNot('a') arm() {
    // #region trigger-order
    registerTrigger({ when: 'a', clearFlag: 'x' });
    registerTrigger({ when: 'a', setFlag: 'y' });   // order of events: -x then +y (charms.reactive: +y then -x)
    // #endregion
    setFlag('a');
  }
}
