using System.ComponentModel.DataAnnotations;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>A review's four dates, as set up and as rescheduled: one set of fields and messages for both forms.</summary>
public class ReviewDatesInput
{
        [Required(ErrorMessage = "Enter the scoping date")]
        [Display(Name = "scoping date")]
        public DateOnly? ScopingOn { get; set; }

        [Required(ErrorMessage = "Enter the date the self-assessment is due")]
        [Display(Name = "self-assessment due date")]
        public DateOnly? SelfAssessmentDueOn { get; set; }

        [Required(ErrorMessage = "Enter the first day on site")]
        [Display(Name = "first day on site")]
        public DateOnly? OnSiteStartsOn { get; set; }

        [Required(ErrorMessage = "Enter the last day on site")]
        [Display(Name = "last day on site")]
        public DateOnly? OnSiteEndsOn { get; set; }
}
