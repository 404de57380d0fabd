namespace LspCapacity.Web.Domain.Accounts;

/// <summary>
/// Failed sign-ins counted for what is not an account's own lockout: an address with no active
/// account (so that it locks exactly as a real one would, and the answer never tells them apart), and
/// a device that signed in before (which keeps its own count, so that strangers locking the account
/// do not lock its owner out). The key is a hash; the address itself is never stored.
/// </summary>
public class LockoutCounter
{
    private LockoutCounter() { }

    public LockoutCounter(string key) => Key = key;

    public string Key { get; private set; } = "";
    public int FailedCount { get; private set; }
    public DateTime? LockedUntil { get; private set; }

    /// <summary>When the last failure was counted: a counter left alone for a day is deleted (AccountHousekeepingJob).</summary>
    public DateTime? LastFailureAt { get; private set; }

    public bool IsLocked(DateTime now) => LockedUntil > now;

    /// <summary>Counts a failure; the <paramref name="maxAttempts"/>th in a row locks, as Identity's lockout does. True when now locked.</summary>
    public bool RecordFailure(DateTime now, int maxAttempts, TimeSpan lockout)
    {
        if (LockedUntil <= now)
        {
            LockedUntil = null;
        }
        FailedCount++;
        LastFailureAt = now;
        if (FailedCount < maxAttempts)
        {
            return false;
        }
        FailedCount = 0;
        LockedUntil = now + lockout;
        return true;
    }

    public void Reset()
    {
        FailedCount = 0;
        LockedUntil = null;
    }
}
